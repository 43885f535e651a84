"""Parses a vCard or iCalendar file with Debian's python3-vobject / python3-icalendar (an outside oracle for
Rapport's exports) and prints what it read as JSON. Usage: vobject_dump.py vcard|ics FILE"""
import base64
import codecs
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


def lenient():
    """For a card vobject refuses as its client wrote it (a vCard 2.1 file): quoted-printable soft line breaks are
    read (allowQP), and a value that does not decode (base64 that is not, quoted-printable bytes in another charset)
    is left as written instead of failing the whole card. Only the source side of a comparison is read this way."""
    from vobject import vcard
    decode = vcard.VCardTextBehavior.decode.__func__

    def tolerant(cls, line):
        try:
            decode(cls, line)
        except (ValueError, UnicodeDecodeError):
            line.encoded = False
    vcard.VCardTextBehavior.decode = classmethod(tolerant)

    # Quoted-printable bytes that are not text in the declared charset (UTF-8 when none is, vCard 2.1's default
    # being ISO-8859-1): decoded in the declared one with replacement characters, or as ISO-8859-1 when none is.
    from vobject import base
    init = base.ContentLine.__init__

    def content_line(self, name, params, value, group=None, *args, **kwargs):
        try:
            init(self, name, params, value, group, *args, **kwargs)
        except UnicodeDecodeError:
            charset = next((p[1] for p in params if len(p) > 1 and p[0].upper() == 'CHARSET'), None)
            plain = [p for p in params if 'QUOTED-PRINTABLE' not in [x.upper() for x in p]]
            raw = codecs.decode(value.encode('utf-8'), 'quoted-printable')
            init(self, name, plain, raw.decode(charset, errors='replace') if charset else raw.decode('iso-8859-1'), group, *args, **kwargs)
    base.ContentLine.__init__ = content_line


def vcards(text, allow_qp=False):
    import vobject
    out = []
    for card in vobject.readComponents(text, allowQP=allow_qp):
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
    if kind == 'vcard-lenient':
        lenient()
        print(json.dumps(vcards(data.decode('utf-8', errors='replace'), allow_qp=True), ensure_ascii=False))
    else:
        print(json.dumps(vcards(data.decode('utf-8')) if kind == 'vcard' else events(data), ensure_ascii=False))
