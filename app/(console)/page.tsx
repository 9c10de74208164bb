import { DeveloperApiPanel } from "./_components/developer-api-panel";

export default function DashboardPage() {
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <DeveloperApiPanel />
    </div>
  );
}
