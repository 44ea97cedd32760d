// The one command table (STYLE note 2): IPC, HTTP, voice and tests all dispatch through it.
import type { z } from 'zod';
import { composeCommandTables, type CommandSpec } from './define';
import { customerCommands } from './customers';
import { catalogCommands } from './catalog';
import { salesCommands } from './sales';
import { ledgerCommands } from './ledger';
import { reminderCommands } from './reminders';
import { systemCommands } from './system';
import { authCommands } from './auth';
import { draftCommands } from './drafts';
import { reportCommands } from './reports';

export const commands = composeCommandTables(customerCommands, catalogCommands, salesCommands, ledgerCommands, reminderCommands, systemCommands, authCommands, draftCommands, reportCommands);

export type Commands = typeof commands;
export type CommandName = keyof Commands & string;
/** What a caller passes (before defaults and transforms). */
export type CommandInput<N extends CommandName> = z.input<Commands[N]['input']>;
/** What a handler receives (after validation). */
export type CommandArgs<N extends CommandName> = z.output<Commands[N]['input']>;
export type CommandResult<N extends CommandName> = Commands[N] extends CommandSpec<z.ZodType, infer R> ? R : never;

export const commandNames = Object.keys(commands) as CommandName[];
export const getCommandSpec = (name: string): CommandSpec | undefined =>
  Object.prototype.hasOwnProperty.call(commands, name) ? (commands as Record<string, CommandSpec>)[name] : undefined;

export { command, type CommandSpec, type UndoPolicy } from './define';
