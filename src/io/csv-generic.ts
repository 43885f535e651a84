import { RapportError } from '../domain/errors.ts';
import { headerKey } from './csv-read.ts';
import type { Target, TargetField } from './csv-columns.ts';

type Rule = Omit<Target, 'column'>;

const LIST = /\s*(?:;|:::|\n)\s*/;
const TAG_LIST = /\s*[,;]\s*/;

// Field names a --map may use, with the spellings people reach for.
const FIELDS: Record<string, Rule> = {
  name: { to: 'name' }, fullname: { to: 'name' }, displayname: { to: 'name' },
  givenname: { to: 'givenName' }, given: { to: 'givenName' }, first: { to: 'givenName' }, firstname: { to: 'givenName' },
  familyname: { to: 'familyName' }, family: { to: 'familyName' }, last: { to: 'familyName' }, lastname: { to: 'familyName' }, surname: { to: 'familyName' },
  middle: { to: 'middleName' }, middlename: { to: 'middleName' }, nickname: { to: 'nickname' },
  email: { to: 'emails', split: LIST }, emails: { to: 'emails', split: LIST }, emailaddress: { to: 'emails', split: LIST }, mail: { to: 'emails', split: LIST }, email1: { to: 'emails', split: LIST }, email2: { to: 'emails', split: LIST },
  phone: { to: 'phones', split: LIST }, phones: { to: 'phones', split: LIST }, phonenumber: { to: 'phones', split: LIST }, telephone: { to: 'phones', split: LIST }, tel: { to: 'phones', split: LIST }, mobile: { to: 'phones', label: 'mobile', split: LIST },
  organisation: { to: 'organisation' }, organization: { to: 'organisation' }, org: { to: 'organisation' }, company: { to: 'organisation' }, employer: { to: 'organisation' },
  title: { to: 'title' }, jobtitle: { to: 'title' }, position: { to: 'title' }, role: { to: 'title' },
  location: { to: 'location' }, city: { to: 'location' }, address: { to: 'location' },
  url: { to: 'webLinks', split: LIST }, weblinks: { to: 'webLinks', split: LIST }, website: { to: 'webLinks', split: LIST }, web: { to: 'webLinks', split: LIST },
  linkedin: { to: 'webLinks', label: 'LinkedIn', split: LIST }, linkedinurl: { to: 'webLinks', label: 'LinkedIn', split: LIST }, profileurl: { to: 'webLinks', label: 'LinkedIn', split: LIST },
  birthday: { to: 'birthday' }, dob: { to: 'birthday' }, dateofbirth: { to: 'birthday' },
  notes: { to: 'notes' }, note: { to: 'notes' }, comments: { to: 'notes' },
  tags: { to: 'tags', split: TAG_LIST }, tag: { to: 'tags', split: TAG_LIST }, labels: { to: 'tags', split: TAG_LIST }, groups: { to: 'tags', split: TAG_LIST }, categories: { to: 'tags', split: TAG_LIST },
  networks: { to: 'networks', split: TAG_LIST }, network: { to: 'networks', split: TAG_LIST },
  connectiontype: { to: 'connectionType' }, type: { to: 'connectionType' },
  methow: { to: 'metHow' }, howwemet: { to: 'metHow' }, metwhere: { to: 'metWhere' }, wherewemet: { to: 'metWhere' },
  industry: { to: 'industry' }, cadence: { to: 'cadenceDays' }, cadencedays: { to: 'cadenceDays' },
  connectedon: { to: 'connectedOn' }, photo: { to: 'photo' },
  ignore: { to: 'ignore' }, skip: { to: 'ignore' },
};

const fieldKey = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');

// A header this recognises without a --map ("E-mail", "Company", "Job Title"...).
export function genericTarget(header: string): Rule | null {
  const key = fieldKey(header);
  // A bare "Type" column could mean anything; only --map or "Connection Type" sets the connection type.
  if (key === 'ignore' || key === 'skip' || key === 'type') return null;
  return FIELDS[key] ?? null;
}

export type ColumnMap = Map<string, Rule>;

// `--map "Full Name=name,Mail=email"`: column (as the header says it) = Rapport field.
export function parseColumnMap(spec: string | undefined): ColumnMap {
  const map: ColumnMap = new Map();
  if (!spec?.trim()) return map;
  for (const pair of spec.split(',')) {
    if (!pair.trim()) continue;
    const eq = pair.lastIndexOf('=');
    if (eq <= 0) throw new RapportError('invalid', `map: ${JSON.stringify(pair.trim())} is not Column=field`, { problems: [{ path: 'map', message: 'expected Column=field', value: pair }] });
    const column = pair.slice(0, eq).trim();
    const field = pair.slice(eq + 1).trim();
    const rule = FIELDS[fieldKey(field)];
    if (!rule) {
      const names = [...new Set(Object.values(FIELDS).map((r) => r.to))].filter((t) => t !== 'listLabel').join(', ');
      throw new RapportError('invalid', `map: unknown field ${JSON.stringify(field)} for column ${JSON.stringify(column)} (fields: ${names})`, { problems: [{ path: 'map', message: 'unknown field', value: field }] });
    }
    map.set(headerKey(column), rule);
  }
  return map;
}

export function assertMapColumns(map: ColumnMap, header: readonly string[], file: string): void {
  const present = new Set(header.map(headerKey));
  for (const column of map.keys()) {
    if (!present.has(column)) {
      throw new RapportError('invalid', `map: ${file} has no column ${JSON.stringify(column)} (its columns: ${header.map((h) => h.trim()).join(', ')})`, {
        problems: [{ path: 'map', message: 'no such column', value: column }],
      });
    }
  }
}

export const NAME_FIELDS = new Set<TargetField>(['name', 'givenName', 'familyName', 'nickname', 'emails', 'organisation']);
