// next-auth configuration: email + password, JWT cookie that carries only a server-side
// session id (fresh at every sign-in, revocable at sign-out).
import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { db } from '../db';
import { env } from '../env';
import { clientIp } from '../http/client-ip';
import { safeCallback } from './safe-callback';
import { readRequestMetadata } from './request-metadata';
import { checkSignIn } from './sign-in';
import { createSession, revokeSession, SESSION_MAX_AGE_SECONDS } from './sessions';

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'password',
      credentials: {
        email: { type: 'email' },
        password: { type: 'password' },
        code: { type: 'text' },
        challengeId: { type: 'text' },
        secondFactor: { type: 'text' },
      },
      async authorize(credentials, req) {
        const field = (name: 'email' | 'password' | 'code' | 'challengeId' | 'secondFactor') => {
          const value = credentials?.[name];
          return typeof value === 'string' ? value : '';
        };
        const email = field('email');
        const password = field('password');
        if (!email || email.length > 320 || !password || password.length > 1024) throw new Error('INVALID_CREDENTIALS');
        const result = await checkSignIn(db(), {
          email,
          password,
          code: field('code').slice(0, 16),
          challengeId: field('challengeId').slice(0, 64),
          secondFactor: field('secondFactor').slice(0, 32),
          ip: clientIp(req?.headers ?? {}),
        });
        // next-auth passes the message to the client as `error`; codes, not prose.
        if (!result.ok) throw new Error(result.reason);
        return { id: result.userId };
      },
    }),
  ],
  callbacks: {
    // Wherever next-auth would send the browser, it stays on this origin (safe-callback.ts).
    async redirect({ url, baseUrl }) {
      const path = url.startsWith(`${baseUrl}/`) ? url.slice(baseUrl.length) : url;
      return `${baseUrl}${safeCallback(path)}`;
    },
    async jwt({ token, user }) {
      if (user) {
        // A brand-new token at sign-in: nothing from an earlier session carries over.
        // The browser and address are kept for the sessions list on /me/security.
        const sid = await createSession(db(), user.id, await readRequestMetadata());
        return { sub: user.id, sid };
      }
      return token;
    },
    async session({ session, token }) {
      return { ...session, sid: token.sid };
    },
  },
  events: {
    async signOut({ token }) {
      if (token?.sid && typeof token.sid === 'string') await revokeSession(db(), token.sid);
    },
  },
};
