/** Entry point: serve the API on $PORT (3000) and stop cleanly on SIGTERM. */
import { createServer } from 'node:http'
import { createHandler } from './app.js'

const port = Number(process.env.PORT ?? 3000)
const server = createServer(createHandler())
server.listen(port, () => console.log(`listening on :${port}`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
