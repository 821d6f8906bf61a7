import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { authRoute } from "@/lib/auth/route";

export const { GET, HEAD, POST } = authRoute(NextAuth(authOptions), authOptions);
