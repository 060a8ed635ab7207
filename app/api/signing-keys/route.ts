// The platform's public signing keys (JWKS): what checks a receipt or a day's proof root.
import { NextResponse } from 'next/server';
import { publishedSigningKeys } from '@/server/signing/published-signing-keys';

// Read per request: the keys live in the database.
export const dynamic = 'force-dynamic';

export async function GET() {
  return NextResponse.json(await publishedSigningKeys(), {
    headers: { 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' },
  });
}
