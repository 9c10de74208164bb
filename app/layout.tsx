import type { Metadata } from "next";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "./_trpc/provider";
import "./globals.css";

export const metadata: Metadata = { title: "Rackpilot", description: "Bare-metal server lifecycle over Redfish" };

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen text-sm">
        <TRPCReactProvider>{children}</TRPCReactProvider>
      </body>
    </html>
  );
}
