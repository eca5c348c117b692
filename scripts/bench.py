"""Benchmark of university_supervision at university scale (``make bench``).

Run by ``scripts/bench.sh`` on a throwaway database where the addon is
installed without demo data. Populates ``BENCH_ITEMS`` items over
``BENCH_UNITS`` units (dates over five years), then prints one line per
figure, ``name: value unit | baseline value unit | ratio Nx``, the baseline
being the same work in hand-written SQL in the same run: the daily check,
a unit head's first list page, the dashboard's groupings, creating items,
and the peak memory. A development script, never imported by Odoo.
"""

import argparse
import logging
import os
import random
import resource
import statistics
import sys
import time
from datetime import date, timedelta

import odoo
from odoo import SUPERUSER_ID, api
from odoo.modules.registry import Registry
from odoo.tools import SQL, config

_logger = logging.getLogger("university_supervision.bench")

POPULATE_CONTEXT = {
    "tracking_disable": True,
    "mail_create_nolog": True,
    "mail_notrack": True,
    "mail_create_nosubscribe": True,
    "no_reset_password": True,
}
OPEN_STATES = ("assigned", "in_progress")
CHUNK = 2000
# The population is the state the daily check left the day before, except
# for the items whose deadline passed in the last CATCH_UP_DAYS: as after an
# outage of the scheduler, the check has to urge and escalate them.
CATCH_UP_DAYS = 14
REPEAT = 5


# ---- Helpers


def timed(func, *args, **kwargs):
    t0 = time.perf_counter()
    result = func(*args, **kwargs)
    return time.perf_counter() - t0, result


def median_time(func, repeat=REPEAT):
    """Median wall time of ``func()`` after one warm-up call."""
    func()
    times = []
    for _i in range(repeat):
        elapsed, _result = timed(func)
        times.append(elapsed)
    return statistics.median(times)


def figure(name, value, unit, base=None, base_unit=None, ratio=None, note=""):
    line = f"{name}: {value:.{3 if value < 10 else 1}f} {unit}"
    if base is not None:
        line += f" | baseline {base:.{3 if base < 10 else 1}f} {base_unit or unit}"
        ratio = ratio if ratio is not None else (value / base if base else 0.0)
        line += f" | ratio {ratio:.1f}x"
    if note:
        line += f" | {note}"
    print(line, flush=True)


def sources(env):
    return [
        key for key, _label in env["supervision.item"]._fields["source_type"].selection
    ]


def peak_memory_mb():
    # ru_maxrss is in kilobytes on Linux
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# ---- Population


def populate(env, n_items, n_units, rng):
    """Users, units and items, fast: batch creates without tracking or mail."""
    env = env(context=dict(env.context, **POPULATE_CONTEXT))
    Users = env["res.users"]

    def group_ids(role):
        return [
            env.ref("base.group_user").id,
            env.ref(f"university_supervision.group_supervision_{role}").id,
        ]

    def users(prefix, role, count):
        return Users.create(
            [
                {
                    "name": f"{prefix} {i}",
                    "login": f"bench_{prefix.lower()}_{i}",
                    "groups_id": [(6, 0, group_ids(role))],
                    "notification_type": "inbox",
                    "tz": "Asia/Shanghai",
                }
                for i in range(count)
            ]
        )

    n_leaders = max(1, n_units // 4)
    leaders = users("Leader", "leader", n_leaders)
    officers = users("Officer", "officer", 3)
    heads = users("Head", "unit_head", n_units)
    liaisons = users("Liaison", "liaison", 2 * n_units)
    units = env["supervision.unit"].create(
        [
            {
                "name": f"Unit {i:03d}",
                "code": f"BENCH-{i:03d}",
                "head_id": heads[i].id,
                "liaison_ids": [(6, 0, liaisons[2 * i : 2 * i + 2].ids)],
                "leader_in_charge_id": leaders[i % n_leaders].id,
            }
            for i in range(n_units)
        ]
    )
    env.cr.commit()

    today = date.today()
    numbers = {}
    Item = env["supervision.item"]
    created = 0
    while created < n_items:
        vals_list = [
            item_values(rng, today, units, officers, numbers, created + i)
            for i in range(min(CHUNK, n_items - created))
        ]
        Item.create(vals_list)
        env.cr.commit()
        env.invalidate_all()
        created += len(vals_list)
        _logger.info("populated %s/%s items", created, n_items)

    # What the earlier daily checks left on the items overdue for more than
    # CATCH_UP_DAYS (escalated in item_values): their system urge and, for
    # half of them, the leader interview proposed for the lead unit.
    env.cr.execute(
        """SELECT id, lead_unit_id, deadline, leader_in_charge_id
             FROM supervision_item
            WHERE state IN %s AND deadline < %s ORDER BY id""",
        [OPEN_STATES, today - timedelta(days=CATCH_UP_DAYS)],
    )
    rows = env.cr.fetchall()
    env["supervision.urge"].create(
        [
            {
                "item_id": item_id,
                "channel": "system",
                "trigger": "overdue",
                "deadline": deadline,
                "unit_id": unit_id,
                "date": deadline + timedelta(days=1),
                "note": "Overdue",
            }
            for item_id, unit_id, deadline, _leader in rows
        ]
    )
    env["supervision.interview"].create(
        [
            {
                "name": f"Bench interview {item_id}",
                "item_ids": [(6, 0, [item_id])],
                "unit_id": unit_id,
                "level": "leader",
                "interviewer_id": leader_id,
                "reason": "Overdue",
            }
            for item_id, unit_id, _deadline, leader_id in rows
        ]
    )
    env.cr.commit()
    return units, heads, leaders, officers


def item_values(rng, today, units, officers, numbers, index):
    unit = units[rng.randrange(len(units))]
    level = "key" if rng.random() < 0.3 else "reminder"
    vals = {
        "name": f"Bench item {index}",
        "lead_unit_id": unit.id,
        "level": level,
        "source_type": rng.choice(sources(units.env)),
        "officer_id": officers[index % len(officers)].id,
        "priority": "1" if rng.random() < 0.05 else "0",
        # defaults given explicitly: default_get() per record is slow
        "supervision_mode": "daily",
        "warning_light": "green",
    }
    if rng.random() < 0.3:
        others = rng.sample(range(len(units)), 2)
        vals["assist_unit_ids"] = [
            (6, 0, [units[i].id for i in others if units[i] != unit])
        ]
    if rng.random() < 0.01:
        vals["is_confidential"] = True
        vals["confidential_user_ids"] = [(6, 0, unit.head_id.ids)]
    assigned = today - timedelta(days=rng.randrange(5 * 365))
    deadline = assigned + timedelta(days=rng.randrange(15, 120))
    if rng.random() < 0.01:
        vals.update(state=rng.choice(["draft", "to_approve"]), deadline=deadline)
        return vals
    past = (today - deadline).days
    draw = rng.random()
    if past < 0:
        if (today - assigned).days <= 10:
            state = "assigned"
        else:
            state = "in_progress" if draw < 0.85 else "submitted"
    elif past < 90:
        state = (
            "in_progress" if draw < 0.25 else "submitted" if draw < 0.4 else "closed"
        )
    else:
        state = (
            "in_progress"
            if draw < 0.015
            else "cancelled"
            if draw < 0.03
            else "closed"
            if draw < 0.5
            else "filed"
        )
    key = (assigned.year, level)
    numbers[key] = numbers.get(key, 0) + 1
    prefix = "督字" if level == "key" else "督提"
    vals.update(
        state=state,
        number=f"{prefix}〔{assigned.year}〕{numbers[key]}号",
        date_assigned=assigned,
        date_ack_deadline=assigned + timedelta(days=7),
        deadline_original=deadline,
        deadline=deadline,
    )
    if state != "assigned":
        vals["date_acknowledged"] = assigned + timedelta(days=rng.randrange(1, 8))
    if state in OPEN_STATES:
        vals.update(yesterdays_flags(today, deadline, state, vals))
        if level == "reminder" and past > CATCH_UP_DAYS:
            # escalated by an earlier check (GDUFS 第十条(一)1)
            numbers[(deadline.year, "key")] = numbers.get((deadline.year, "key"), 0) + 1
            vals.update(
                level="key",
                previous_number=vals["number"],
                number=f"督字〔{deadline.year}〕{numbers[(deadline.year, 'key')]}号",
                date_escalated=deadline + timedelta(days=1),
            )
    if state in ("closed", "filed"):
        vals["date_closed"] = min(
            today, deadline + timedelta(days=rng.randrange(-10, 5))
        )
    return vals


def yesterdays_flags(today, deadline, state, vals):
    """The time flags the daily check set on an open item yesterday."""
    yesterday = today - timedelta(days=1)
    overdue = deadline < yesterday
    return {
        "date_checked": yesterday,
        "is_overdue": overdue,
        "warning_light": "red"
        if overdue
        else "yellow"
        if (deadline - yesterday).days <= 3
        else "green",
        "ack_overdue": state == "assigned" and vals["date_ack_deadline"] < yesterday,
    }


# ---- 1. Daily check


def daily_check_orm(env):
    """As the cron runner: call the batched job until nothing remains,
    committing between batches."""
    Item = env["supervision.item"]
    while True:
        remaining = Item._cron_check_deadlines()
        env.cr.commit()
        env.invalidate_all()
        if not remaining:
            break


def daily_check_sql(env):
    """The daily check's main writes in hand-written SQL: the flags, the
    system urges with their message and inbox notifications, the escalations
    with their new number and message (not the reminder activities and the
    interview proposals, which are few)."""
    cr = env.cr
    Item = env["supervision.item"]
    today = Item._supervision_today()
    yellow = Item._get_setting("yellow_days")
    comment = env.ref("mail.mt_comment").id
    author = env.user.partner_id.id
    p = {
        "today": today,
        "open": OPEN_STATES,
        "yellow": yellow,
        "comment": comment,
        "author": author,
        "uid": env.uid,
    }
    cr.execute(
        """UPDATE supervision_item
              SET is_overdue = false, ack_overdue = false, warning_light = 'green'
            WHERE state NOT IN %(open)s
              AND (is_overdue OR ack_overdue OR warning_light != 'green')""",
        p,
    )
    cr.execute(
        """UPDATE supervision_item
              SET warning_light = CASE
                      WHEN deadline < %(today)s THEN 'red'
                      WHEN deadline - %(today)s <= %(yellow)s THEN 'yellow'
                      ELSE 'green' END,
                  is_overdue = coalesce(deadline < %(today)s, false),
                  ack_overdue = coalesce(state = 'assigned'
                                         AND date_ack_deadline < %(today)s, false),
                  date_checked = %(today)s,
                  write_uid = %(uid)s,
                  write_date = now() at time zone 'UTC'
            WHERE state IN %(open)s
              AND date_checked IS DISTINCT FROM %(today)s""",
        p,
    )
    # system urges and their chatter messages, notifying the unit's users
    for trigger in ("ack_overdue", "overdue"):
        cr.execute(
            """WITH urged AS (
                 INSERT INTO supervision_urge (item_id, date, channel, note, unit_id,
                        target_user_id, user_id, trigger, deadline,
                        create_uid, create_date, write_uid, write_date)
                 SELECT i.id, now() at time zone 'UTC', 'system', 'Urged', i.lead_unit_id,
                        u.head_id, %(uid)s, %(trigger)s, i.deadline,
                        %(uid)s, now() at time zone 'UTC', %(uid)s, now() at time zone 'UTC'
                   FROM supervision_item i
                   JOIN supervision_unit u ON u.id = i.lead_unit_id
                  WHERE i.date_checked = %(today)s
                    AND CASE WHEN %(trigger)s = 'overdue' THEN i.is_overdue
                             ELSE i.ack_overdue END
                    AND NOT EXISTS (
                        SELECT 1 FROM supervision_urge g
                         WHERE g.item_id = i.id AND g.trigger = %(trigger)s
                           AND (%(trigger)s != 'overdue'
                                OR g.deadline = i.deadline))
                 RETURNING item_id),
               posted AS (
                 INSERT INTO mail_message (model, res_id, body, message_type,
                        subtype_id, author_id, date, create_uid, create_date,
                        write_uid, write_date)
                 SELECT 'supervision.item', item_id, '<p>Urged</p>', 'comment',
                        %(comment)s, %(author)s, now() at time zone 'UTC',
                        %(uid)s, now() at time zone 'UTC', %(uid)s,
                        now() at time zone 'UTC'
                   FROM urged
                 RETURNING id, res_id)
               INSERT INTO mail_notification (mail_message_id, res_partner_id,
                      notification_type, notification_status, author_id)
               SELECT DISTINCT posted.id, ru.partner_id, 'inbox', 'sent', %(author)s
                 FROM posted
                 JOIN supervision_item i ON i.id = posted.res_id
                 JOIN supervision_unit u ON u.id = i.lead_unit_id
                 JOIN res_users ru ON ru.id = u.head_id
                      OR ru.id IN (SELECT user_id FROM supervision_unit_liaison_rel l
                                    WHERE l.unit_id = u.id)""",
            dict(p, trigger=trigger),
        )
    # escalation of overdue reminder items: a new 督办单 number each, a note
    # to the leader in charge
    cr.execute(
        """WITH todo AS (
             SELECT id, row_number() OVER (ORDER BY id) AS n
               FROM supervision_item
              WHERE date_checked = %(today)s AND is_overdue AND level = 'reminder'),
           escalated AS (
             UPDATE supervision_item i
                SET level = 'key', previous_number = i.number,
                    number = '督字〔' || extract(year FROM %(today)s::date) || '〕'
                             || (100000 + todo.n) || '号',
                    date_escalated = %(today)s
               FROM todo WHERE todo.id = i.id
             RETURNING i.id, i.leader_in_charge_id),
           posted AS (
             INSERT INTO mail_message (model, res_id, body, message_type, subtype_id,
                    author_id, date, create_uid, create_date, write_uid, write_date)
             SELECT 'supervision.item', id, '<p>Escalated</p>', 'comment',
                    %(comment)s, %(author)s, now() at time zone 'UTC',
                    %(uid)s, now() at time zone 'UTC', %(uid)s, now() at time zone 'UTC'
               FROM escalated
             RETURNING id, res_id)
           INSERT INTO mail_notification (mail_message_id, res_partner_id,
                  notification_type, notification_status, author_id)
           SELECT posted.id, ru.partner_id, 'inbox', 'sent', %(author)s
             FROM posted JOIN escalated e ON e.id = posted.res_id
             JOIN res_users ru ON ru.id = e.leader_in_charge_id""",
        p,
    )
    env.invalidate_all()


def bench_daily_check(env):
    cr = env.cr
    today = env["supervision.item"]._supervision_today()
    cr.execute("SELECT count(*) FROM supervision_item WHERE state IN %s", [OPEN_STATES])
    (open_count,) = cr.fetchone()
    # baseline first, rolled back, so that both start from the same data
    cr.commit()
    base, _r = timed(daily_check_sql, env)
    cr.execute(
        "SELECT count(*) FROM supervision_item WHERE date_escalated = %s", [today]
    )
    (base_escalated,) = cr.fetchone()
    cr.rollback()
    env.invalidate_all()
    cr.execute("SELECT count(*) FROM supervision_urge")
    (urges0,) = cr.fetchone()
    cr.execute("SELECT count(*) FROM supervision_interview")
    (interviews0,) = cr.fetchone()
    orm, _r = timed(daily_check_orm, env)
    cr.execute(
        "SELECT count(*) FROM supervision_item WHERE date_escalated = %s", [today]
    )
    (escalated,) = cr.fetchone()
    cr.execute("SELECT count(*) FROM supervision_urge")
    urges = cr.fetchone()[0] - urges0
    cr.execute("SELECT count(*) FROM supervision_interview")
    interviews = cr.fetchone()[0] - interviews0
    figure(
        "daily_check",
        orm,
        "s",
        base,
        note=f"{open_count} open items, {escalated} escalated "
        f"(baseline {base_escalated}), {urges} urges, {interviews} interviews",
    )
    per_item = orm * 1000 / escalated if escalated else 0.0
    base_per_item = base * 1000 / escalated if escalated else 0.0
    figure("daily_check_per_escalated", per_item, "ms/item", base_per_item)
    budget = 5 * base + 0.015 * escalated
    figure(
        "daily_check_goal",
        orm,
        "s",
        budget,
        note="goal: ORM <= 5x baseline + 15 ms per escalated item (ratio <= 1.0x)",
    )
    again, _r = timed(daily_check_orm, env)
    figure("daily_check_rerun_same_day", again, "s", note="idempotent second run")


# ---- 2. List page


def busiest_head(env):
    env.cr.execute(
        """SELECT u.head_id FROM supervision_item i
             JOIN supervision_unit u ON u.id = i.lead_unit_id
            GROUP BY u.head_id ORDER BY count(*) DESC LIMIT 1"""
    )
    return env["res.users"].browse(env.cr.fetchone()[0])


def bench_list_page(env):
    head = busiest_head(env)
    Item = env["supervision.item"].with_user(head).with_context(lang="en_US")

    # what the web client asks for the item list view's fields
    fields = Item.get_views([(False, "list")])["models"]["supervision.item"]["fields"]
    spec = {
        name: {"fields": {"display_name": {}}} if Item._fields[name].relational else {}
        for name in fields
    }

    def orm():
        env.invalidate_all()
        return Item.web_search_read(
            [], spec, limit=80, order=Item._order, count_limit=10001
        )

    # the items the unit head may read: his units' rule and the global
    # confidential rule, written out
    visible = SQL(
        """SELECT i.id FROM supervision_item i
                  WHERE (i.lead_unit_id IN (SELECT unit_id FROM supervision_unit_user_rel
                                             WHERE user_id = %(uid)s)
                         OR i.id IN (SELECT r.item_id
                                       FROM supervision_item_assist_unit_rel r
                                       JOIN supervision_unit_user_rel m
                                         ON m.unit_id = r.unit_id
                                      WHERE m.user_id = %(uid)s))
                    AND (i.is_confidential IS NOT TRUE
                         OR i.leader_in_charge_id = %(uid)s
                         OR i.id IN (SELECT item_id
                                       FROM supervision_item_confidential_user_rel
                                      WHERE user_id = %(uid)s))""",
        uid=head.id,
    )

    def sql():
        env.cr.execute(
            SQL(
                """WITH visible AS (%s)
               SELECT i.id, i.priority, i.number, i.name, i.level, i.source_type,
                      i.lead_unit_id, u.name, i.leader_in_charge_id, p.name,
                      i.date_assigned, i.deadline_original, i.deadline, i.is_overdue,
                      i.warning_light, i.state,
                      (SELECT array_agg(r.unit_id)
                         FROM supervision_item_assist_unit_rel r
                        WHERE r.item_id = i.id),
                      (SELECT array_agg(a.id) FROM mail_activity a
                        WHERE a.res_model = 'supervision.item' AND a.res_id = i.id)
                 FROM supervision_item i
                 JOIN visible v ON v.id = i.id
                 JOIN supervision_unit u ON u.id = i.lead_unit_id
                 LEFT JOIN res_users lu ON lu.id = i.leader_in_charge_id
                 LEFT JOIN res_partner p ON p.id = lu.partner_id
                ORDER BY i.priority DESC, i.deadline, i.id DESC
                LIMIT 80""",
                visible,
            )
        )
        rows = env.cr.fetchall()
        env.cr.execute(SQL("SELECT count(*) FROM (%s LIMIT 10001) t", visible))
        return rows, env.cr.fetchone()

    result = orm()
    rows, _count = sql()
    assert [r["id"] for r in result["records"]] == [r[0] for r in rows], (
        "the ORM and the baseline list different rows"
    )
    orm_time = median_time(orm)
    sql_time = median_time(sql)
    figure(
        "list_page",
        orm_time * 1000,
        "ms",
        sql_time * 1000,
        note=f"unit head, {result['length']} visible items, 80 rows",
    )


# ---- 3. Read groups


def bench_read_groups(env):
    officer = env.ref("university_supervision.group_supervision_officer").users[:1]
    Item = env["supervision.item"].with_user(officer).with_context(lang="en_US")
    today = date.today()
    # the global rule on confidential items, which applies to the office too
    rule = f"""(i.is_confidential IS NOT TRUE OR i.leader_in_charge_id = {officer.id}
                OR EXISTS (SELECT 1 FROM supervision_item_confidential_user_rel c
                            WHERE c.item_id = i.id AND c.user_id = {officer.id}))"""

    groups = [
        (
            "read_group_open_by_unit_light",
            lambda: Item.read_group(
                [("state", "in", OPEN_STATES)],
                ["__count"],
                ["lead_unit_id", "warning_light"],
                lazy=False,
            ),
            (
                """SELECT i.lead_unit_id, u.name, i.warning_light, count(*)
                     FROM supervision_item i
                     JOIN supervision_unit u ON u.id = i.lead_unit_id
                    WHERE i.state IN %s AND """
                + rule
                + """
                    GROUP BY i.lead_unit_id, u.name, u.sequence, u.code, i.warning_light
                    ORDER BY u.sequence, u.code, u.name, i.warning_light""",
                [OPEN_STATES],
            ),
        ),
        (
            "read_group_by_source",
            lambda: Item.read_group([], ["__count"], ["source_type"], lazy=False),
            (
                "SELECT i.source_type, count(*) FROM supervision_item i WHERE "
                + rule
                + " GROUP BY i.source_type ORDER BY i.source_type",
                [],
            ),
        ),
        (
            "read_group_overdue_by_month",
            lambda: Item.read_group(
                [("is_overdue", "=", True)],
                ["__count"],
                ["deadline:month"],
                lazy=False,
            ),
            (
                "SELECT date_trunc('month', i.deadline), count(*) FROM supervision_item i"
                " WHERE i.is_overdue AND " + rule + " GROUP BY 1 ORDER BY 1",
                [],
            ),
        ),
    ]
    Report = env["supervision.assessment.report"].with_user(officer)
    measures = [
        fname
        for fname, field in Report._fields.items()
        if field.type == "integer" and fname.endswith("_count")
    ]
    groups.append(
        (
            "read_group_assessment",
            lambda: Report.read_group(
                [("year", "=", today.year)],
                [f"{m}:sum" for m in measures],
                ["unit_id", "role"],
                lazy=False,
            ),
            (
                "SELECT unit_id, role, "
                + ", ".join(f"sum({m})" for m in measures)
                + " FROM supervision_assessment_report"
                + " WHERE year = %s"
                + " GROUP BY unit_id, role ORDER BY unit_id, role",
                [today.year],
            ),
        )
    )
    for name, orm_call, (query, params) in groups:

        def orm(call=orm_call):
            env.invalidate_all()
            return call()

        def sql(query=query, params=params):
            env.cr.execute(query, params)  # pylint: disable=sql-injection
            return env.cr.fetchall()

        orm_time = median_time(orm)
        sql_time = median_time(sql)
        figure(
            name,
            orm_time * 1000,
            "ms",
            sql_time * 1000,
            note=f"{len(orm())} groups",
        )


# ---- 4. Create


def bench_create(env, units, officers, count, rng):
    today = date.today()
    Item = env["supervision.item"]
    vals_list = []
    for i in range(count):
        unit = units[i % len(units)]
        vals_list.append(
            {
                "name": f"Created item {i}",
                "lead_unit_id": unit.id,
                "source_type": rng.choice(sources(env)),
                "deadline": today + timedelta(days=rng.randrange(15, 120)),
                "officer_id": officers[i % len(officers)].id,
            }
        )
    env.cr.commit()

    def orm():
        for start in range(0, count, 1000):
            Item.create(vals_list[start : start + 1000])
            env.flush_all()

    def sql():
        env.cr.execute(
            """INSERT INTO supervision_item (name, lead_unit_id, leader_in_charge_id,
                      source_type, deadline, officer_id, state, level,
                      supervision_mode, priority, warning_light, year,
                      create_uid, create_date, write_uid, write_date)
               SELECT t.name, t.unit, u.leader_in_charge_id, t.source, t.deadline,
                      t.officer, 'draft', 'reminder', 'daily', '0', 'green',
                      extract(year FROM now()),
                      %s, now() at time zone 'UTC', %s, now() at time zone 'UTC'
                 FROM unnest(%s::varchar[], %s::int[], %s::varchar[], %s::date[],
                             %s::int[]) AS t(name, unit, source, deadline, officer)
                 JOIN supervision_unit u ON u.id = t.unit""",
            [
                env.uid,
                env.uid,
                [v["name"] for v in vals_list],
                [v["lead_unit_id"] for v in vals_list],
                [v["source_type"] for v in vals_list],
                [v["deadline"] for v in vals_list],
                [v["officer_id"] for v in vals_list],
            ],
        )

    sql_time, _r = timed(sql)
    env.cr.rollback()
    orm_time, _r = timed(orm)
    env.cr.commit()
    figure(
        "create_items",
        count / orm_time,
        "items/s",
        count / sql_time,
        ratio=sql_time and orm_time / sql_time,
        note=f"{count} items, ORM create as the superuser with tracking "
        f"({orm_time:.1f} s vs {sql_time:.2f} s); ratio = time ratio",
    )


# ---- Main


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("-c", "--config", required=True)
    parser.add_argument("-d", "--database", required=True)
    args = parser.parse_args()
    n_items = int(os.environ.get("BENCH_ITEMS", 100000))
    n_units = int(os.environ.get("BENCH_UNITS", 60))
    n_create = int(os.environ.get("BENCH_CREATE", min(10000, n_items)))
    config.parse_config(
        ["-c", args.config, "-d", args.database, "--log-level=warn", "--no-http"]
    )
    odoo.tools.config["workers"] = 0
    steps = os.environ.get("BENCH_STEPS", "daily_check,list_page,read_groups,create")
    steps = set(steps.split(","))
    rng = random.Random(int(os.environ.get("BENCH_SEED", 8)))
    registry = Registry(args.database)
    t_start = time.perf_counter()
    with registry.cursor() as cr:
        env = api.Environment(cr, SUPERUSER_ID, {})
        cr.execute("SHOW jit")
        print(
            f"# university_supervision benchmark: {n_items} items, {n_units} units, "
            f"PostgreSQL jit={cr.fetchone()[0]}",
            flush=True,
        )
        elapsed, (units, _heads, _leaders, officers) = timed(
            populate, env, n_items, n_units, rng
        )
        figure("populate", elapsed, "s", note=f"{n_items} items, batch create")
        cr.execute("ANALYZE")
        if "daily_check" in steps:
            bench_daily_check(env)
        if "list_page" in steps:
            bench_list_page(env)
        if "read_groups" in steps:
            bench_read_groups(env)
        if "create" in steps:
            bench_create(env, units, officers, n_create, rng)
        figure("peak_memory", peak_memory_mb(), "MB", note="ru_maxrss of the process")
        figure("total", time.perf_counter() - t_start, "s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
