import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { getDb } from "~/db/client";
import { checkCredentials } from "../services/auth/tokens";
import { clientAddress } from "../api/context";
import { throttledLogin } from "./throttle";
import { deriveKey } from "./keys";

/** next-auth hands over Node's header object: read the client address from it as every other route does. */
function clientOf(headers: Record<string, unknown> | undefined): string {
  const entries = Object.entries(headers ?? {}).filter((entry): entry is [string, string] => typeof entry[1] === "string");
  return clientAddress(new Headers(entries));
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
          const { username, password } = credentials;
          const db = getDb();
          const user = await throttledLogin(db, { client, username }, () => checkCredentials(db, username, password));
          if (!user) return null;
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
