"""The occurrences of an iCalendar file in a window, by python3-icalendar and dateutil's rrule: an outside reader
for the calendar-capture tests. Prints JSON [[uid, recurrence id, start (UTC ISO), cancelled], ...] sorted.

usage: ical_occurrences.py FILE FROM TO   (FROM and TO as 2026-01-01T00:00:00.000Z)
"""
import json
import sys
from datetime import date, datetime, timezone

from dateutil.rrule import rruleset, rrulestr
from icalendar import Calendar


def iso(v):
    if isinstance(v, datetime):
        if v.tzinfo is None:
            v = v.replace(tzinfo=timezone.utc)
        return v.astimezone(timezone.utc).strftime('%Y-%m-%dT%H:%M:%S.000Z')
    return v.strftime('%Y-%m-%dT00:00:00.000Z')


def local(v):
    # pytz zones (icalendar's for a VTIMEZONE) keep the offset of DTSTART on what rrule makes: localize again.
    if isinstance(v, datetime) and hasattr(v.tzinfo, 'localize'):
        return v.tzinfo.localize(v.replace(tzinfo=None))
    return v


def key(v):
    return iso(v) if isinstance(v, datetime) else v.isoformat()


def values(prop):
    props = prop if isinstance(prop, list) else [prop]
    return [d.dt for p in props for d in p.dts]


def main(path, start, end):
    cal = Calendar.from_ical(open(path, 'rb').read())
    cancel_all = str(cal.get('METHOD', '')).upper() == 'CANCEL'
    by_uid = {}
    for ev in cal.walk('VEVENT'):
        by_uid.setdefault(str(ev['UID']), []).append(ev)
    out = []

    def emit(uid, rid, component, at):
        s = iso(at)
        if start <= s < end:
            out.append([uid, rid, s, cancel_all or str(component.get('STATUS', '')).upper() == 'CANCELLED'])

    for uid, comps in by_uid.items():
        master = next((c for c in comps if 'RECURRENCE-ID' not in c), None)
        exceptions = {key(c.decoded('RECURRENCE-ID')): c for c in comps if 'RECURRENCE-ID' in c}
        if master is None:
            for rid, c in exceptions.items():
                emit(uid, rid, c, c.decoded('DTSTART'))
            continue
        dtstart = master.decoded('DTSTART')
        if 'RRULE' not in master and 'RDATE' not in master:
            emit(uid, '', master, dtstart)
            continue
        all_day = not isinstance(dtstart, datetime)
        first = datetime(dtstart.year, dtstart.month, dtstart.day) if all_day else dtstart
        rules = rruleset()
        if 'RRULE' in master:
            rules.rrule(rrulestr(master['RRULE'].to_ical().decode(), dtstart=first))
        if 'RDATE' in master:
            for d in values(master['RDATE']):
                rules.rdate(datetime(d.year, d.month, d.day) if not isinstance(d, datetime) else d)
        excluded = set()
        if 'EXDATE' in master:
            excluded = {key(d if isinstance(d, datetime) else d) for d in values(master['EXDATE'])}
        seen = set()
        for at in rules:
            at = local(at)
            if key(at.date() if all_day else at) in excluded:
                continue
            if iso(at) >= end:
                break
            rid = key(at.date() if all_day else at)
            seen.add(rid)
            if rid in exceptions:
                emit(uid, rid, exceptions[rid], exceptions[rid].decoded('DTSTART'))
            else:
                emit(uid, rid, master, at.date() if all_day else at)
        for rid, c in exceptions.items():
            if rid not in seen:
                emit(uid, rid, c, c.decoded('DTSTART'))
    print(json.dumps(sorted(out)))


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2], sys.argv[3])
