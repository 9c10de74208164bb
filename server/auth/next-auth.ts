import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "~/db/client";
import { checkCredentials } from "../services/auth/tokens";
import { loginThrottle } from "./throttle";
import { deriveKey } from "./keys";

function clientOf(headers: Record<string, unknown> | undefined): string {
  const value = headers?.["x-rackpilot-client-address"];
  return typeof value === "string" ? value : "unknown";
}

/** Browser sessions: the same users table and the same failed-login throttle as the token endpoint. */
export function authOptions(): NextAuthOptions {
  return {
    secret: deriveKey("next-auth").toString("base64url"),
    session: { strategy: "jwt", maxAge: 12 * 3600 },
    pages: { signIn: "/login" },
    providers: [
      CredentialsProvider({
        name: "Rackpilot",
        credentials: { username: { label: "Username", type: "text" }, password: { label: "Password", type: "password" } },
        async authorize(credentials, req) {
          const client = clientOf(req?.headers as Record<string, unknown> | undefined);
          if (!credentials?.username || !credentials.password) return null;
          loginThrottle.assertAllowed(client);
          const user = await checkCredentials(getDb(), credentials.username, credentials.password);
          if (!user) {
            loginThrottle.recordFailure(client);
            return null;
          }
          return { id: String(user.id), name: user.username, email: user.email || null };
        },
      }),
    ],
    callbacks: {
      session({ session, token }) {
        return { ...session, userId: Number(token.sub) };
      },
    },
  };
}
