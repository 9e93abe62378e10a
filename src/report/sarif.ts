/**
 * The audit and BuildKit's build checks as SARIF 2.1.0 (for GitHub code scanning): one rule per rule
 * id, one result per finding, located at its Dockerfile line. Pure: returns the document as an object.
 */
import { VERSION } from '../version.js'
import type { AuditReport, Finding, RuleId, Severity } from '../audit/types.js'
import { evidencePath } from '../audit/evidence-path.js'
import type { CheckFinding } from '../build/check.js'

const HELP: Record<RuleId, string> = {
  'non-root': 'The runner image must run as a non-root, numeric user (USER <uid>).',
  toolchain:
    'Compilers, build tools, language toolchains and development headers belong in build stages, not in the runner image (headers without a compiler only waste bytes: a warning).',
  'secret-leak': 'Build secret values, raw or encoded (base64, base64url, hex, URL, JSON), must not occur in any layer, in ENV, labels or history.',
  'dev-leftover': 'Source maps, .git, .env files, test frameworks and linters should not ship in the runner image.',
  'hygiene/no-healthcheck': 'The image declares no HEALTHCHECK.',
  'hygiene/setuid': 'setuid/setgid files allow privilege escalation inside the container.',
  'hygiene/package-cache': 'Package-manager caches and indexes left in the image waste bytes.',
  'hygiene/shell': 'A shell is present in the runner image.',
  'hygiene/wasted-space': 'Files a later layer deletes or overwrites still ship in the layer that created them.'
}

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', notice: 'note' }

/**
 * Build the SARIF log. `dockerfilePath` is the artifact location (relative to the repository root,
 * as code scanning expects); allowed findings are included as suppressed results; build checks
 * (`build-check/<Rule>`) follow the audit's findings, each rule linking its documentation.
 */
export function toSarif(
  report: (Pick<AuditReport, 'findings' | 'allowed'> & { image: { id: string } }) | undefined,
  dockerfilePath: string,
  toolVersion = VERSION,
  checks: CheckFinding[] = []
): Record<string, unknown> {
  const all = [...(report?.findings ?? []).map(f => ({ f, allowed: false })), ...(report?.allowed ?? []).map(f => ({ f, allowed: true }))]
  const ruleIds = [...new Set(all.map(x => x.f.rule))].sort()
  const checkIds = [...new Set(checks.map(c => c.rule))].sort()
  const uri = dockerfilePath.replace(/\\/g, '/').replace(/^\.\//, '')
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'stagecraft-audit',
            informationUri: 'https://github.com/stagecraft/stagecraft',
            version: toolVersion,
            rules: [
              ...ruleIds.map(id => ({
                id,
                name: id.replace(/[/-](\w)/g, (_, c: string) => c.toUpperCase()),
                shortDescription: { text: HELP[id] ?? id },
                defaultConfiguration: { level: LEVEL[all.find(x => x.f.rule === id)!.f.severity] }
              })),
              ...checkIds.map(id =>
                checkRule(
                  id,
                  checks.find(c => c.rule === id)!
                )
              )
            ]
          }
        },
        results: [
          ...all.map(({ f, allowed }) => result(f, ruleIds.indexOf(f.rule), uri, allowed)),
          ...checks.map(c => checkResult(c, ruleIds.length + checkIds.indexOf(c.rule), uri))
        ],
        properties: report ? { image: report.image.id } : {}
      }
    ]
  }
}

function checkRule(id: string, c: CheckFinding): Record<string, unknown> {
  const name = id.slice(id.indexOf('/') + 1)
  return {
    id,
    name: `BuildCheck${name.charAt(0).toUpperCase()}${name.slice(1)}`,
    shortDescription: { text: c.description ?? `BuildKit build check ${name}` },
    ...(c.url ? { helpUri: c.url } : {}),
    defaultConfiguration: { level: LEVEL[c.severity] }
  }
}

function checkResult(c: CheckFinding, ruleIndex: number, uri: string): Record<string, unknown> {
  return {
    ruleId: c.rule,
    ruleIndex,
    level: LEVEL[c.severity],
    message: { text: c.message },
    locations: [{ physicalLocation: { artifactLocation: { uri }, region: { startLine: c.line ?? 1 } } }],
    partialFingerprints: { stagecraftBuildCheck: [c.rule, c.line ?? '', c.message].join('|') }
  }
}

function result(f: Finding, ruleIndex: number, uri: string, allowed: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    ruleId: f.rule,
    ruleIndex,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [
      {
        physicalLocation: {
          artifactLocation: { uri },
          region: { startLine: f.evidence.line ?? 1 }
        }
      }
    ],
    // Stable across runs, so code scanning tracks one alert per problem.
    partialFingerprints: { stagecraftAudit: [f.rule, evidencePath(f.evidence) ?? '', f.evidence.secretId ?? '', f.evidence.line ?? ''].join('|') },
    properties: { evidence: f.evidence }
  }
  if (allowed) out.suppressions = [{ kind: 'external', justification: 'matched audit-allow' }]
  return out
}
