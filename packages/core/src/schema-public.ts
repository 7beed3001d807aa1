import type { z } from 'zod';
import { ItemRefSchema as itemRef, TransferSchema as transfer, type AssessmentRequestInput } from './schema-request.js';
import type { TransferType } from './types.js';

// The parts of the request schema the package index exports, typed as plain `ZodType`s so that the API
// docs show a type, not zod's internals; `@chokepoint/core/schema` has them with their full zod types.

/** An item as JSON callers write it (CONTRACT §2 ItemRef). */
export type ItemRefInput = AssessmentRequestInput['item'];

/** What moves (CONTRACT §2 ItemRef) as a zod schema, for tools that embed it (the MCP server's plan_exposure). */
export const ItemRefSchema: z.ZodType<ItemRefInput, ItemRefInput> = itemRef;

/** Kinds of transfer as a zod schema. */
export const TransferSchema: z.ZodType<TransferType, TransferType> = transfer;
