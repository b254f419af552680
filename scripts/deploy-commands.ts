// Registers the slash commands with Discord (or the local sandbox): `npm run deploy-commands`.
import 'dotenv/config';
import { REST } from 'discord.js';
import { deployPlan, readDeploySettings } from '../src/deploy/plan.js';
import { definitions } from '../src/dispatch/index.js';

const settings = readDeploySettings(process.env);
if ('missing' in settings) {
  console.error(
    `Missing ${settings.missing.join(' and ')}: copy .env.example to .env and fill it in (GUILD_ID registers to one server, instantly).`,
  );
  process.exit(1);
}

const plan = deployPlan(settings, definitions());
const rest = new REST({ version: '10', ...(settings.api ? { api: settings.api } : {}) }).setToken(settings.token);

try {
  const registered = await rest.put(plan.route, { body: plan.body });
  const count = Array.isArray(registered) ? registered.length : plan.body.length;
  const where =
    plan.scope === 'guild' ? `to server ${settings.guildId}` : 'globally (may take a while to show everywhere)';
  console.log(`Registered ${count} commands ${where}: ${plan.body.map((d) => d.name).join(', ')}.`);
} catch (error) {
  // The REST error names the route and Discord's message; the token is in neither.
  console.error(`Registering the commands failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
