// next-auth configuration: email + password, JWT cookie that carries only a server-side
// session id (fresh at every sign-in, revocable at sign-out).
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { db } from '../db';
import { env } from '../env';
import { checkCredentials } from './sign-in';
import { readRequestMetadata } from './request-metadata';
import { createSession, revokeSession, SESSION_MAX_AGE_SECONDS } from './sessions';

export const authOptions: NextAuthOptions = {
  secret: env().NEXTAUTH_SECRET,
  session: { strategy: 'jwt', maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: '/sign-in' },
  providers: [
    CredentialsProvider({
      name: 'password',
      credentials: { email: { type: 'email' }, password: { type: 'password' } },
      async authorize(credentials) {
        const email = typeof credentials?.email === 'string' ? credentials.email : '';
        const password = typeof credentials?.password === 'string' ? credentials.password : '';
        if (!email || !password || password.length > 1024) throw new Error('INVALID_CREDENTIALS');
        const result = await checkCredentials(db(), email, password);
        // next-auth passes the message to the client as `error`; codes, not prose.
        if (!result.ok) throw new Error(result.reason);
        return { id: result.userId };
      },
    }),
  ],
  callbacks: {
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
