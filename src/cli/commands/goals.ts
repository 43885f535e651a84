import { Option, type Command } from 'commander';
import { toIsoDay } from '../../domain/dates.ts';
import { ACTION_KINDS, GOAL_KINDS, GOAL_STATUSES, type Action, type Goal } from '../../domain/entities.ts';
import { actionCreate, actionDone, actionList } from '../../services/actions.service.ts';
import { goalCreate, goalGet, goalLink, goalList, goalUpdate, type GoalDetail } from '../../services/goals.service.ts';
import { dim, paint, printJson, table } from '../output.ts';
import { collect, dayWord, integer } from '../parse.ts';
import { pickByName } from '../refs.ts';
import type { CliRuntime } from '../runtime.ts';
import { organisationId } from './organisations.ts';

async function goalId(rt: CliRuntime, ref: string): Promise<number> {
  if (/^\d+$/.test(ref.trim())) return Number(ref.trim());
  const goals = await rt.run(goalList, {});
  return pickByName('goal', ref, goals.map((g) => ({ id: g.id, name: g.description })));
}

const progress = (g: Goal): string => (g.actionsTotal ? `${g.actionsDone}/${g.actionsTotal} actions` : 'no actions');
const statusWord = (g: Goal): string => (g.status === 'open' ? g.status : dim(g.status));

function actionRows(actions: readonly Action[], today: string): string[][] {
  return actions.map((a) => [
    `#${a.id}`, a.doneAt ? dim('done') : a.dueOn && a.dueOn < today ? paint('red', a.dueOn) : a.dueOn ?? dim('—'), a.kind, a.description, dim(a.contactName ?? ''),
  ]);
}

function renderGoal(g: GoalDetail, today: string): string {
  const out = [paint('bold', `${g.description}  #${g.id}`), table([
    [`  ${dim('kind')}`, g.kind], [`  ${dim('status')}`, g.status], [`  ${dim('target')}`, g.targetDate ?? dim('—')],
    [`  ${dim('people')}`, g.contacts.map((c) => `${c.name} #${c.id}`).join(', ') || dim('none yet')],
    [`  ${dim('organisations')}`, g.organisations.map((o) => `${o.name} #${o.id}`).join(', ') || dim('none')],
  ])];
  out.push('', paint('bold', `Actions (${progress(g)})`));
  out.push(g.actions.length ? table(actionRows(g.actions, today).map(([id, ...rest]) => [`  ${id}`, ...rest])) : dim('  no actions yet: `rapport action add "..." --goal ...`'));
  return out.join('\n');
}

export function registerGoalCommands(program: Command, rt: CliRuntime): void {
  const goal = program.command('goal').description('networking goals and the people and organisations they need');

  goal.command('add').description('set a goal').argument('<description>', 'what you want, in a sentence')
    .addOption(new Option('--kind <kind>', 'what sort of goal').choices([...GOAL_KINDS]).makeOptionMandatory())
    .option('--contact <contact>', 'a person this goal needs (repeatable)', collect)
    .option('--org <organisation>', 'an organisation this goal is about (repeatable)', collect)
    .option('--target <date>', 'target date: YYYY-MM-DD, "in 90d"').option('--json', 'print the result as JSON')
    .action(async (description: string, o: { kind: string; contact?: string[]; org?: string[]; target?: string; json?: boolean }) => {
      const contactIds = await Promise.all((o.contact ?? []).map((r) => rt.contactId(r)));
      const organisationIds = await Promise.all((o.org ?? []).map((r) => organisationId(rt, r)));
      const g = await rt.run(goalCreate, {
        description, kind: o.kind, contactIds, organisationIds, ...(o.target ? { targetDate: dayWord(o.target, rt.clock.now()) } : {}),
      });
      if (o.json) return printJson(g);
      console.log(`goal #${g.id}: ${g.description}${g.targetDate ? ` (by ${g.targetDate})` : ''}`);
    });

  goal.command('list').description('goals, open first, with their people and progress')
    .addOption(new Option('--status <status>', 'only this status').choices([...GOAL_STATUSES])).option('--json', 'print as JSON')
    .action(async (o: { status?: string; json?: boolean }) => {
      const goals = await rt.run(goalList, o.status ? { status: o.status } : {});
      if (o.json) return printJson(goals);
      console.log(goals.length ? table(goals.map((g) => [`#${g.id}`, statusWord(g), g.kind, g.description, g.targetDate ?? '', dim(progress(g)), dim(`${g.contacts.length} ${g.contacts.length === 1 ? "person" : "people"}`)]),
        ['id', 'status', 'kind', 'goal', 'target', 'progress', 'people']) : dim('no goals yet: `rapport goal add "..." --kind mentorship`'));
    });

  goal.command('show').description('one goal with its people, organisations and actions').argument('<goal>', 'id or part of the description')
    .option('--json', 'print as JSON')
    .action(async (ref: string, o: { json?: boolean }) => {
      const g = await rt.run(goalGet, { id: await goalId(rt, ref) });
      if (o.json) return printJson(g);
      console.log(renderGoal(g, toIsoDay(rt.clock.now())));
    });

  goal.command('link').description('tie more people or organisations to a goal').argument('<goal>', 'id or part of the description')
    .option('--contact <contact>', 'a person (repeatable)', collect).option('--org <organisation>', 'an organisation (repeatable)', collect)
    .action(async (ref: string, o: { contact?: string[]; org?: string[] }) => {
      const id = await goalId(rt, ref);
      const contactIds = await Promise.all((o.contact ?? []).map((r) => rt.contactId(r)));
      const organisationIds = await Promise.all((o.org ?? []).map((r) => organisationId(rt, r)));
      const g = await rt.run(goalLink, { id, contactIds, organisationIds });
      console.log(`goal #${g.id} now has ${g.contacts.length} people and ${g.organisations.length} organisations`);
    });

  for (const [verb, status, help] of [['done', 'achieved', 'mark a goal achieved'], ['drop', 'dropped', 'drop a goal'], ['reopen', 'open', 'open a goal again']] as const) {
    goal.command(verb).description(help).argument('<goal>', 'id or part of the description')
      .action(async (ref: string) => {
        const g = await rt.run(goalUpdate, { id: await goalId(rt, ref), status });
        console.log(`goal #${g.id} ${status}: ${g.description}`);
      });
  }

  const action = program.command('action').description('plan and tick off networking actions (coffees, informational interviews, introductions)');
  action.command('add').description('plan an action').argument('<description>', 'what to do')
    .addOption(new Option('--kind <kind>', 'what sort of action').choices([...ACTION_KINDS]).default('other'))
    .option('--goal <goal>', 'the goal it serves').option('--contact <contact>', 'the person it involves')
    .option('--due <date>', 'YYYY-MM-DD, tomorrow, "in 3d"').option('--json', 'print the result as JSON')
    .action(async (description: string, o: { kind: string; goal?: string; contact?: string; due?: string; json?: boolean }) => {
      const a = await rt.run(actionCreate, {
        description, kind: o.kind,
        ...(o.goal ? { goalId: await goalId(rt, o.goal) } : {}),
        ...(o.contact ? { contactId: await rt.contactId(o.contact) } : {}),
        ...(o.due ? { dueOn: dayWord(o.due, rt.clock.now()) } : {}),
      });
      if (o.json) return printJson(a);
      console.log(`action #${a.id}: ${a.description}${a.dueOn ? ` (due ${a.dueOn})` : ''}`);
    });

  action.command('done').description('tick off an action').argument('<id>', 'action id', integer)
    .action(async (id: number) => {
      const a = await rt.run(actionDone, { id });
      console.log(`done: ${a.description}`);
    });

  action.command('list').description('actions, open first and soonest due first')
    .option('--goal <goal>', 'only this goal').option('--contact <contact>', 'only with this person')
    .option('--all', 'include done ones').option('--json', 'print as JSON')
    .action(async (o: { goal?: string; contact?: string; all?: boolean; json?: boolean }) => {
      const actions = await rt.run(actionList, {
        ...(o.goal ? { goalId: await goalId(rt, o.goal) } : {}),
        ...(o.contact ? { contactId: await rt.contactId(o.contact) } : {}),
        ...(o.all ? {} : { open: true }),
      });
      if (o.json) return printJson(actions);
      const today = toIsoDay(rt.clock.now());
      console.log(actions.length ? table(actionRows(actions, today), ['id', 'due', 'kind', 'action', 'with']) : dim('no open actions'));
    });
}
