/** output: 'standalone' traces what the server needs into .next/standalone: no node_modules to ship. */
const config = {
  output: 'standalone',
  poweredByHeader: false
}
export default config
