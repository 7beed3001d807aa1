import { AnswerWriter, ValidationError, type AssessmentResponse, type BatchLine, type Engine } from '@chokepoint/core';
import type { AuditWriter } from './audit-writer.js';
import type { ServerMetrics } from './metrics.js';

import { newAuditId, sha256 } from './audit.js';
import type { AuditEntry } from './store/index.js';

/** Lines of a batch assessed: the NDJSON to send and the audit entries to commit first. */
export interface AssessedLines {
  output: string;
  entries: AuditEntry[];
  failed: number;
}

/**
 * Runs assessments and shapes what is stored and sent: the answer's JSON text is produced once and
 * used for both the audit record and the HTTP body, so what was answered is exactly what is kept.
 */
export class Assessor {
  /** Plugin names, versions and data dates, stored with every record. */
  readonly pluginsJson: string;
  /** Writes the text of the parts the engine shares between answers (frozen) once, as the CLI's batch does. */
  private readonly answers = new AnswerWriter();

  constructor(private readonly engine: Engine, private readonly writer: AuditWriter, private readonly metrics: ServerMetrics) {
    this.pluginsJson = JSON.stringify(engine.plugins.map((p) => ({ name: p.name, version: p.version, jurisdiction: p.jurisdiction, dataVerifiedThrough: p.dataVerifiedThrough })));
  }

  /**
   * The answer's JSON text without `id` (stored once per distinct text; the ID is appended to give the
   * response), its UTF-8 bytes and their SHA-256: the text is encoded once, and those bytes are both
   * hashed and sent, so what was answered is exactly what is kept.
   */
  private serialize(response: AssessmentResponse): { body: string; bytes: Buffer; bodyHash: string; answerId: string | null } {
    const body = this.answers.text(response, 'id');
    const bytes = Buffer.from(body);
    // The trail keeps the id as text (the chain's hashes cover it so); the response echoes it as given (auditedTail).
    return { body, bytes, bodyHash: sha256(bytes), answerId: response.id === undefined ? null : String(response.id) };
  }

  /**
   * Assesses and records one request; resolves with the response (answer plus `auditId`) as the
   * answer's bytes up to its closing brace and the text that follows them. `requestText` is the JSON
   * text `request` was parsed from, kept in the trail as received. Throws {@link ValidationError}.
   */
  async assessOne(request: unknown, requestText: string, caller: string): Promise<[head: Buffer, tail: string]> {
    const { entry, bytes, verdict, echo } = this.recordOf(request, requestText, caller);
    await this.writer.append([entry]);
    this.metrics.assessments.inc({ verdict });
    return [bytes.subarray(0, -1), auditedTail(echo, entry.id)];
  }

  /** Assesses one request and makes its audit entry; throws {@link ValidationError}. */
  private recordOf(request: unknown, requestText: string, caller: string): { entry: AuditEntry; bytes: Buffer; verdict: string; echo: string | number | undefined } {
    let response: AssessmentResponse;
    try {
      response = this.engine.assess(request);
    } catch (err) {
      if (err instanceof ValidationError) this.metrics.assessments.inc({ verdict: 'invalid' });
      throw err;
    }
    const { body, bytes, bodyHash, answerId } = this.serialize(response);
    return { entry: { id: newAuditId(), time: new Date().toISOString(), caller, request: requestText, body, bodyHash, answerId, plugins: this.pluginsJson }, bytes, verdict: response.verdict, echo: response.id };
  }

  /**
   * Assesses batch lines in order. An answer's line is the response plus `auditId`; a bad line is
   * `{"id","line","error"}` as in the CLI's batch output (`id` null when the line has none or
   * could not be read), and the batch goes on.
   */
  assessLines(lines: BatchLine[], caller: string): AssessedLines {
    const time = new Date().toISOString();
    const entries: AuditEntry[] = [];
    let output = '';
    let failed = 0;
    const requests = lines.map((l) => ('request' in l ? l.request : undefined));
    let i = 0;
    for (const outcome of this.engine.assessMany(requests)) {
      const input = lines[i++]!;
      if ('error' in input) {
        failed++;
        this.metrics.assessments.inc({ verdict: 'invalid' });
        output += `${JSON.stringify({ id: null, line: input.line, error: input.error })}\n`;
      } else if (!outcome.ok) {
        failed++;
        this.metrics.assessments.inc({ verdict: 'invalid' });
        output += `${JSON.stringify({ id: outcome.id ?? null, line: input.line, error: outcome.error })}\n`;
      } else {
        const id = newAuditId();
        const { body, bodyHash, answerId } = this.serialize(outcome.response);
        entries.push({ id, time, caller, request: JSON.stringify(input.request), body, bodyHash, answerId, plugins: this.pluginsJson });
        this.metrics.assessments.inc({ verdict: outcome.response.verdict });
        output += `${body.slice(0, -1)}${auditedTail(outcome.response.id, id)}\n`;
      }
    }
    return { output, entries, failed };
  }
}

/**
 * What follows an answer's text up to its closing brace in a response: the stored response
 * (`responseText`, with the echoed `id`) plus `auditId`, without copying the answer's text.
 */
function auditedTail(id: string | number | undefined, auditId: string): string {
  return `${id === undefined ? '' : `,"id":${JSON.stringify(id)}`},"auditId":"${auditId}"}`;
}
