"""Parses a vCard or iCalendar file with Debian's python3-vobject / python3-icalendar (an outside oracle for
Rapport's exports) and prints what it read as JSON. Usage: vobject_dump.py vcard|ics FILE"""
import base64
import json
import sys


def value_of(line):
    v = line.value
    name = line.name.upper()
    if name == 'N':
        return {'family': v.family, 'given': v.given, 'additional': v.additional, 'prefix': v.prefix, 'suffix': v.suffix}
    if name == 'ADR':
        return {'box': v.box, 'extended': v.extended, 'street': v.street, 'city': v.city, 'region': v.region, 'code': v.code, 'country': v.country}
    if isinstance(v, bytes):
        return {'bytes': len(v), 'base64': base64.b64encode(v).decode('ascii')}
    if isinstance(v, list):
        return [str(x) for x in v]
    return str(v)


def vcards(text):
    import vobject
    out = []
    for card in vobject.readComponents(text):
        props = []
        for line in card.getChildren():
            props.append({'name': line.name.upper(), 'group': line.group, 'params': {k.upper(): v for k, v in line.params.items()}, 'value': value_of(line)})
        out.append(props)
    return out


def events(data):
    import icalendar
    cal = icalendar.Calendar.from_ical(data)
    out = []
    for ev in cal.walk('VEVENT'):
        out.append({
            'uid': str(ev.get('UID')), 'sequence': int(ev.get('SEQUENCE', 0)), 'summary': str(ev.get('SUMMARY')),
            'dtstart': ev.decoded('DTSTART').isoformat(), 'dtstamp': ev.decoded('DTSTAMP').isoformat(),
            'rrule': ev.get('RRULE').to_ical().decode('ascii') if ev.get('RRULE') else None,
            'alarms': [{'action': str(a.get('ACTION')), 'trigger': str(a.decoded('TRIGGER'))} for a in ev.walk('VALARM')],
        })
    return out


if __name__ == '__main__':
    kind, path = sys.argv[1], sys.argv[2]
    with open(path, 'rb') as f:
        data = f.read()
    print(json.dumps(vcards(data.decode('utf-8')) if kind == 'vcard' else events(data), ensure_ascii=False))
