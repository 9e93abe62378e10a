// GET /api/health: what the HEALTHCHECK asks.
export const dynamic = 'force-dynamic'

export function GET() {
  return Response.json({ status: 'ok' })
}
