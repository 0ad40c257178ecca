/**
 * Description patterns shared by the actor and threat rules (RE2, matched case-insensitively). They
 * were written against the wording of OCR's Web Descriptions, which follow a house style: "The
 * covered entity (CE), X, reported that an employee ...". Counts quoted in comments are matches in
 * the 5,371 descriptions of the clean 2024-06-28 archive.
 */
export const PATTERNS = {
  /** ~810 matches, nearly all typed Hacking/IT Incident. */
  ransomware: '\\bransom(ware)?\\b',
  /** ~800 matches: phishing, spoofed mail, business email compromise. */
  phishing: 'phish|business e-?mail compromise|spoof(ed|ing)? e-?mail|social engineering',
  hacking:
    '\\bhack(s|ed|er|ers|ing)?\\b|cyber ?-?(attack|criminal|incident|security incident)|malware|malicious (software|code|actor)|threat actor|brute[- ]force|(unauthorized|unknown) (third[- ]part(y|ies)|individuals?|actors?) (gained|accessed|obtained|acquired|infiltrated|had access)|credential stuffing|sql injection|compromised (e-?mail )?(account|credential)',
  /** Stolen by an outsider: burglary, break-ins, theft from a car or home. */
  burglary: 'burglar|break-?in|broke into|broken into|robbery|robbed|stolen from (a|an|the|his|her|their|its|an employee.s|a workforce member.s) [a-z ]{0,20}(car|vehicle|truck|home|residence|house|office)',
  /** A workforce member misusing access, or taking data. */
  insiderMisuse:
    '(employee|workforce member|staff member|physician|nurse|pharmacist|technician|receptionist|resident)s?\\b[^.]{0,80}(impermissibly|inappropriately|improperly (accessed|disclosed|used|obtained|viewed)|without (a )?(business need|job-related|authori[sz]ation|permission)|snoop|\\bstole\\b|\\bsold\\b|misused|took (home )?(paper|patient|documents|records|protected)|to (his|her|their) personal|personal e-?mail)',
  /** Misdirected mail, fax or email and other errors of disclosure. */
  misdirected:
    'misdirect|wrong (address|recipient|patient|fax|individual|member)|incorrect (address|recipient|fax|mailing)|mailing error|mis-?mail|inadvertently (mailed|sent|disclosed|e-?mailed|posted|faxed|included|attached)|mailed to the wrong|sent to the wrong|mismatched',
  /** Data left open on the internet by a configuration error. */
  misconfiguration: 'misconfigur|publicly (accessible|available|viewable)|accessible (to the public|on the internet|via the internet|online)|indexed by|search engine|without (a )?password',
  /** A vendor or business associate at fault (not merely attacked). */
  vendorFault:
    '(vendor|business associate|\\(ba\\)|contractor)[^.]{0,100}(misconfigur|inadvertent|unintentional|mistaken|\\berror|improperly|mis-?mail|misdirect|(sent|mailed) [^.]{0,30}wrong)',
  lost: '\\blost\\b|misplaced|left (behind|unattended)|(can ?not|could not) be located|went missing',
  disposal: 'improperly dispos|disposed of|dumpster|recycl|landfill|trash',
  /** Connected medical equipment. */
  medicalDevice:
    'medical device|infusion pump|insulin pump|pacemaker|imaging (device|equipment|system)|\\bmri\\b|ct scanner|ventilator|patient monitor|biomedical device|connected device',
} as const satisfies Record<string, string>;

/** Words that mean an outsider was involved: an insider- or vendor-fault rule must not fire beside them. */
export const OUTSIDER_EVIDENCE = [PATTERNS.ransomware, PATTERNS.phishing, PATTERNS.hacking].join('|');

/** An insider rule of the covered entity must not fire where a vendor is named at fault (that is partner). */
export const NOT_INSIDER = [OUTSIDER_EVIDENCE, PATTERNS.vendorFault].join('|');
