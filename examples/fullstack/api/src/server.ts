/** Entry point: the API and the frontend in $PUBLIC_DIR (./public) on $PORT (3000). */
import { createServer } from 'node:http'
import { createHandler } from './app.js'

const port = Number(process.env.PORT ?? 3000)
const server = createServer(createHandler(process.env.PUBLIC_DIR ?? 'public'))
server.listen(port, () => console.log(`listening on :${port}`))
process.on('SIGTERM', () => server.close(() => process.exit(0)))
