import type { Command } from 'commander';
import { packageVersion } from '../../server/package-info.ts';
import { settingsGet } from '../../services/settings.service.ts';
import type { CliRuntime } from '../runtime.ts';

// `rapport mcp`: an MCP server on stdio for an assistant (Claude Desktop, an IDE). The SDK loads only here.
export function registerMcpCommand(program: Command, rt: CliRuntime): void {
  program.command('mcp')
    .description('serve your network to an AI assistant over MCP (stdio); read-only unless --allow-writes or the mcpAllowWrites setting')
    .option('--allow-writes', 'offer the tools that change data (log an interaction, snooze, complete a follow-up, ...)')
    .action(async (flags: { allowWrites?: boolean }) => {
      const [{ policyOf }, { serveStdio }] = await Promise.all([import('../../mcp/policy.ts'), import('../../mcp/stdio.ts')]);
      const settings = await rt.run(settingsGet, {});
      const policy = policyOf(settings, flags);
      process.stderr.write(`rapport mcp: serving on stdio (${policy.allowWrites ? 'writes on' : 'read-only'}); stop with Ctrl-C\n`);
      await serveStdio(await rt.context(), policy, packageVersion());
    });
}
