import { HealthStatus } from "../features/health/components/health-status.tsx";

// The web app's first screen; the web-app issue replaces it with the real flows.
export const App = () => (
  <main style={{ fontFamily: "system-ui, sans-serif", maxWidth: 640, margin: "4rem auto", padding: "0 1rem", lineHeight: 1.5 }}>
    <h1>Cto</h1>
    <p>An open-source AI coaching platform. The platform is starting up here; sign-in and the coach arrive next.</p>
    <HealthStatus />
  </main>
);
