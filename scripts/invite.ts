// Prints the links that add the bot to a server and install it for yourself: `npm run invite`.
import 'dotenv/config';
import { readApplicationId } from '../src/invite/application-id.js';
import { inviteLinks } from '../src/invite/links.js';

const application = readApplicationId(process.env['DISCORD_CLIENT_ID']);
if ('problem' in application) {
  console.error(application.problem);
  process.exit(1);
}

const links = inviteLinks(application.id);
console.log(`Add the bot to a server (you need Manage Server there):
  ${links.server}

Install it for yourself (its commands in every server, DM and group DM; "User Install" must be
ticked under Installation → Installation Contexts in the Developer Portal):
  ${links.user}`);
