export const metadata = { title: 'Multi-stage tips' }

export default function RootLayout({ children }) {
  return (
    <html lang="en">
      <body style={{ fontFamily: 'system-ui, sans-serif', maxWidth: '36rem', margin: '3rem auto', padding: '0 1rem' }}>
        {children}
      </body>
    </html>
  )
}
