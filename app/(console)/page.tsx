import { currentSessionActor } from "~/server/auth/session";
import { DeveloperApiPanel } from "./_components/developer-api-panel";
import { FleetSummary } from "./_components/fleet-summary";

export default async function DashboardPage() {
  const actor = await currentSessionActor();
  return (
    <div className="max-w-4xl space-y-6">
      <h1 className="text-2xl font-semibold">Dashboard</h1>
      <FleetSummary isStaff={Boolean(actor?.isStaff)} />
      <DeveloperApiPanel />
    </div>
  );
}
