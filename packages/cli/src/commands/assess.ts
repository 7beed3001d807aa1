import { Option, type Command } from 'commander';
import { ValidationError, type EndUse, type EndUserType, type TransferType } from '@chokepoint/core';
import type { CliContext } from '../context.js';
import { formatAssessment } from '../format/assessment.js';
import { collect, collectCode, collectParameter, parseNonNegativeNumber, UsageError, validationToUsage } from '../usage.js';
import { runBatch } from './batch.js';

const TRANSFERS = ['goods', 'technology', 'software'] as const satisfies readonly TransferType[];
const END_USES = ['civil', 'military', 'military-intelligence', 'wmd', 'unknown'] as const satisfies readonly EndUse[];
const END_USER_TYPES = ['government', 'military', 'commercial', 'research', 'individual'] as const satisfies readonly EndUserType[];

/** Item identifiers: request field → flag. */
const ITEM_FLAGS = {
  id: '--id',
  hs: '--hs',
  cnCode: '--cn-code',
  cnControlCode: '--cn-control-code',
  eccn: '--eccn',
  euCode: '--eu-code',
  cas: '--cas',
  name: '--name',
} as const;

/** Request field path (from the engine's ValidationError) → the flag that sets it. */
const FIELD_FLAGS: Record<string, string> = {
  ...Object.fromEntries(Object.entries(ITEM_FLAGS).map(([field, flag]) => [`item.${field}`, flag])),
  item: Object.values(ITEM_FLAGS).join('/'),
  'item.codes.': '--code',
  'item.codes': '--code',
  'item.parameters.': '--param',
  'item.parameters': '--param',
  'item.origin': '--origin',
  'item.valueUsd': '--value-usd',
  from: '--from',
  to: '--to',
  date: '--date',
  transfer: '--transfer',
  endUse: '--end-use',
  endUser: '--end-user',
  'endUser.name': '--end-user',
  'endUser.type': '--end-user-type',
  'endUser.country': '--end-user-country',
  'endUser.nationalities': '--end-user-nationality',
  jurisdictions: '--jurisdiction',
};

interface AssessOptions {
  inputFormat?: 'ndjson' | 'csv';
  id?: string;
  hs?: string;
  cnCode?: string;
  cnControlCode?: string;
  eccn?: string;
  euCode?: string;
  code?: Record<string, string>;
  cas?: string;
  name?: string;
  from?: string;
  to?: string;
  date?: string;
  transfer?: TransferType;
  endUse?: EndUse;
  endUser?: string;
  endUserType?: EndUserType;
  endUserCountry?: string;
  endUserNationality?: string[];
  origin?: string;
  param?: Record<string, number>;
  valueUsd?: number;
  jurisdiction?: string[];
  input?: string;
  output?: string;
  fields?: string;
  compact?: boolean;
  json?: boolean;
}

/** Builds a request (CONTRACT §2) from the flags; the engine validates it. */
export function requestFromOptions(o: AssessOptions): Record<string, unknown> {
  const item: Record<string, unknown> = {};
  for (const field of Object.keys(ITEM_FLAGS) as (keyof typeof ITEM_FLAGS)[]) if (o[field] !== undefined) item[field] = o[field];
  if (o.code) item.codes = o.code;
  if (o.param) item.parameters = o.param;
  if (o.origin !== undefined) item.origin = o.origin;
  if (o.valueUsd !== undefined) item.valueUsd = o.valueUsd;
  const endUser: Record<string, unknown> = {};
  if (o.endUser !== undefined) endUser.name = o.endUser;
  if (o.endUserType !== undefined) endUser.type = o.endUserType;
  if (o.endUserCountry !== undefined) endUser.country = o.endUserCountry;
  if (o.endUserNationality !== undefined) endUser.nationalities = o.endUserNationality;
  return {
    item,
    from: o.from,
    to: o.to,
    ...(o.date !== undefined ? { date: o.date } : {}),
    ...(o.transfer !== undefined ? { transfer: o.transfer } : {}),
    ...(o.endUse !== undefined ? { endUse: o.endUse } : {}),
    ...(Object.keys(endUser).length ? { endUser } : {}),
    ...(o.jurisdiction ? { jurisdictions: o.jurisdiction } : {}),
  };
}

async function assessOne(ctx: CliContext, o: AssessOptions): Promise<void> {
  if (o.inputFormat !== undefined) throw new UsageError('--input-format: only with --input (a batch)');
  if (o.output !== undefined) throw new UsageError('--output: only with --input (a batch); a single answer goes to stdout');
  if (o.fields !== undefined || o.compact) throw new UsageError(`--${o.fields !== undefined ? 'fields' : 'compact'}: only with --input (a batch); use --json for one answer`);
  const engine = await ctx.engine();
  let response;
  try {
    response = engine.assess(requestFromOptions(o));
  } catch (err) {
    if (err instanceof ValidationError) throw validationToUsage(err, FIELD_FLAGS);
    throw err;
  }
  ctx.stdout.write(o.json ? `${JSON.stringify(response, null, 2)}\n` : formatAssessment(response));
}

/** `chokepoint assess`: one transfer from flags, or a batch with `--input`. */
export function registerAssess(program: Command, ctx: CliContext): void {
  program
    .command('assess')
    .summary('assess a transfer against every installed regime')
    .description(
      'Assess one transfer given by flags, or a batch of requests with --input (NDJSON or CSV in, NDJSON out, line for line).',
    )
    .option('--id <taxonomy-id>', 'taxonomy ID, e.g. gallium/metal')
    .option('--hs <code>', 'HS code, 4 to 10 digits, e.g. 8112.92')
    .option('--cn-code <code>', 'China customs commodity code, 8 or 10 digits')
    .option('--cn-control-code <code>', "code in China's dual-use export control list, e.g. 1C902.a")
    .option('--eccn <eccn>', 'US ECCN as you classified it, e.g. 1C226 or EAR99')
    .option('--eu-code <code>', 'EU Annex I entry as you classified it, e.g. 3C005.a')
    .option('--code <JURISDICTION=CODE>', "a regime's own control code (item.codes), repeatable, e.g. --code 'JP=2(24)'", collectCode)
    .option('--cas <number>', 'CAS registry number, e.g. 7440-55-3')
    .option('--name <text>', 'free-text item name, English or Chinese')
    .option('--from <CC>', 'ISO 3166-1 alpha-2 code of the territory the item leaves')
    .option('--to <CC>', 'ISO 3166-1 alpha-2 code of the destination')
    .option('--date <YYYY-MM-DD>', 'date of the transfer (default: today, UTC)')
    .addOption(new Option('--transfer <kind>', 'what moves (default: goods)').choices(TRANSFERS))
    .addOption(new Option('--end-use <use>', 'declared end use (default: unknown)').choices(END_USES))
    .option('--end-user <name>', 'end user name, screened against listed parties')
    .addOption(new Option('--end-user-type <type>', 'kind of end user').choices(END_USER_TYPES))
    .option('--end-user-country <CC>', 'where the end user is located')
    .option('--end-user-nationality <CC>', 'citizenship or permanent residency of a person receiving technology (deemed exports); repeat for several', collect)
    .option('--origin <CC>', 'where the item was produced (default: --from)')
    .option('--param <name=value>', 'technical parameter, repeatable, e.g. --param purity=0.9999', collectParameter)
    .option('--value-usd <amount>', 'value of the line in US dollars', parseNonNegativeNumber)
    .option('--jurisdiction <code>', 'only this regime (CN, US, EU, …); repeatable', collect)
    .option('--input <file>', 'batch: read requests from FILE (NDJSON, or CSV when it ends in .csv), or - for stdin')
    .addOption(new Option('--input-format <format>', 'batch: how to read --input (default: csv for a .csv file, else ndjson; use csv for CSV on stdin)').choices(['ndjson', 'csv']))
    .option('--output <file>', 'batch: write NDJSON answers to FILE instead of stdout; a FILE ending in .csv gets one CSV row per line')
    .option('--fields <paths>', 'batch: write only these dotted fields of each answer, e.g. id,verdict,jurisdictions.verdict')
    .option('--compact', 'batch: write only the decision (id, verdict, date, each regime\'s verdict, questions and warning codes)')
    .option('--json', 'print the answer as JSON (batch output is NDJSON, or CSV for an --output FILE.csv)')
    .addHelpText(
      'after',
      `
Examples:
  chokepoint assess --cn-code 8112929010 --from CN --to US --date 2025-01-15
  chokepoint assess --id gallium/metal --from CN --to DE --param purity=0.99999 --json
  chokepoint assess --input requests.ndjson --output answers.ndjson
  chokepoint assess --input requests.ndjson --compact
  chokepoint assess --input requests.ndjson --fields id,verdict,jurisdictions.jurisdiction,jurisdictions.verdict
  cat requests.ndjson | chokepoint assess --input -
  chokepoint assess --input requests.ndjson --output answers.csv
  cat requests.csv | chokepoint assess --input - --input-format csv`,
    )
    .action(async (o: AssessOptions) => {
      if (o.input === undefined) return assessOne(ctx, o);
      const requestFlags = Object.keys(o).filter((k) => !['input', 'inputFormat', 'output', 'json', 'fields', 'compact'].includes(k));
      if (requestFlags.length) {
        throw new UsageError(`--input: request flags (${requestFlags.map((k) => `--${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`).join(', ')}) cannot be combined with a batch; put those fields in each line`);
      }
      ctx.exitCode = await runBatch(ctx, { input: o.input, ...(o.inputFormat !== undefined ? { inputFormat: o.inputFormat } : {}), ...(o.output !== undefined ? { output: o.output } : {}), ...(o.fields !== undefined ? { fields: o.fields } : {}), ...(o.compact ? { compact: true } : {}) });
    });
}
