import { BreachesPerYearChart } from '../charts/BreachesPerYearChart';

export function OverviewView() {
  return (
    <div className="view">
      <h1>Overview</h1>
      <BreachesPerYearChart />
    </div>
  );
}
