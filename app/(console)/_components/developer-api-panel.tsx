import { headers } from "next/headers";

const links = [
  { label: "OpenAPI schema", href: "/api/schema/", description: "Raw schema in YAML (add ?format=json for JSON)." },
  { label: "Swagger UI", href: "/api/schema/swagger-ui/", description: "Try any endpoint: Authorize with your access token." },
  { label: "Redoc", href: "/api/schema/redoc/", description: "Reference documentation for every endpoint." },
];

/** MOJO's "Developer API" section: the three access points and how to get a token. */
export async function DeveloperApiPanel() {
  const host = (await headers()).get("host") ?? "localhost:3000";
  return (
    <section aria-labelledby="developer-api" className="rounded-lg border border-zinc-200 bg-white p-5 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="developer-api" className="mb-3 text-lg font-semibold">
        Developer API
      </h2>
      <ul className="mb-4 grid gap-3 sm:grid-cols-3">
        {links.map((link) => (
          <li key={link.href}>
            <a href={link.href} className="block rounded-md border border-zinc-200 p-3 hover:border-sky-600 dark:border-zinc-700">
              <span className="font-medium text-sky-700 dark:text-sky-400">{link.label}</span>
              <span className="mt-1 block text-zinc-500">{link.description}</span>
            </a>
          </li>
        ))}
      </ul>
      <p className="mb-2 text-zinc-500">Get an access token (valid 24 hours) and call the API:</p>
      <pre className="overflow-x-auto rounded-md bg-zinc-100 p-3 text-xs dark:bg-zinc-800">
        {`export TOKEN=$(curl -s -X POST -H "Content-Type: application/json" \\
    -d '{"username": "your_user", "password": "your_pass"}' \\
    http://${host}/api/token/ | jq -r '.access')
curl -s -H "Authorization: Bearer \${TOKEN}" http://${host}/api/users/me/`}
      </pre>
    </section>
  );
}
