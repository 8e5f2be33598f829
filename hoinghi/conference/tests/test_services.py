from __future__ import annotations

from datetime import date

import pytest

from hoinghi.audit.models import AuditEntry
from hoinghi.conference import selectors, services
from hoinghi.conference.models import AgendaKind, ConferenceState, QuorumCheck, ReminderKind
from hoinghi.conference.services import ConferenceError
from hoinghi.conference.tests.helpers import make_conference, open_and_check_in_all
from hoinghi.testing import World, make_person

pytestmark = pytest.mark.django_db


def test_it_invites_every_staff_member_with_a_personal_code(world: World) -> None:
    conference = make_conference(world)
    codes = list(conference.participants.values_list("code", flat=True))
    assert len(codes) == 9  # the nine people of the agency
    assert len(set(codes)) == 9 and all(len(c) == 8 for c in codes)
    assert conference.form_decision["rule"] == "conference.attendance_form"
    assert conference.window_decision["snapshot"]["outcome"] is True


def test_it_makes_the_head_and_union_chair_the_presidium_by_default(world: World) -> None:
    conference = services.create_conference(
        world.agency, year=2024, held_on=date(2024, 1, 20), actor=world.clerk
    )
    names = set(conference.presidium.values_list("full_name", flat=True))
    assert names == {"Trần Văn Lãnh", "Hoàng Văn Đoàn"}


def test_it_refuses_a_delegate_conference_for_a_small_agency(world: World) -> None:
    with pytest.raises(ConferenceError) as err:
        services.create_conference(
            world.agency, year=2024, held_on=date(2024, 1, 20), delegates=True, actor=world.clerk
        )
    assert "toàn thể" in err.value.message


def test_it_refuses_an_extraordinary_conference_without_a_trigger(world: World) -> None:
    with pytest.raises(ConferenceError) as err:
        services.create_conference(
            world.agency,
            year=2024,
            held_on=date(2024, 6, 3),
            kind="extraordinary",
            proposers=2,
            actor=world.clerk,
        )
    assert err.value.code == "conference.no_trigger"
    conference = services.create_conference(
        world.agency,
        year=2024,
        held_on=date(2024, 6, 3),
        kind="extraordinary",
        proposers=3,
        actor=world.clerk,
    )
    assert conference.trigger_decision["snapshot"]["outcome"] is True


def test_it_stores_the_quorum_verdict_with_its_citations(world: World) -> None:
    conference = make_conference(world)
    services.open_conference(conference, actor=world.clerk)
    for participant in list(conference.participants.all())[:5]:
        services.check_in(participant, method="desk", actor=world.clerk)
    check = services.record_quorum(conference, actor=world.clerk)
    assert (check.present, check.convened, check.required, check.met) == (5, 9, 6, False)
    assert check.rule_version == "L10"
    assert any("điểm c khoản 2 Điều 51" in c for c in check.citations)
    assert "không đủ" in check.explanation
    services.check_in(
        conference.participants.filter(checked_in_at__isnull=True)[0],
        method="code",
        actor=world.colleague,
    )
    assert services.record_quorum(conference, actor=world.clerk).met is True
    assert QuorumCheck.objects.filter(conference=conference).count() == 2


def test_a_second_check_in_keeps_the_first_time(world: World) -> None:
    conference = make_conference(world)
    participant = conference.participants.all()[0]
    first = services.check_in(participant, method="qr", actor=world.clerk).checked_in_at
    again = services.check_in(participant, method="desk", actor=world.clerk)
    assert again.checked_in_at == first and again.checkin_method == "qr"


def test_it_prefills_the_agenda_and_warns_of_a_missing_item(world: World) -> None:
    conference = make_conference(world)
    services.build_agenda(conference, actor=world.clerk)
    assert conference.agenda_items.count() == 10
    complete = services.check_agenda(conference)
    assert complete is not None and complete.ok
    conference.agenda_items.filter(kind=AgendaKind.PLEDGE).delete()
    decision = services.check_agenda(conference)
    assert decision is not None and not decision.ok and "giao ước thi đua" in decision.explanation
    assert "điểm h khoản 4 Điều 51" in decision.explanation


def test_it_refuses_the_head_as_a_candidate_for_the_inspection_board(world: World) -> None:
    conference = make_conference(world)
    accountant = make_person(
        world.agency,
        "KT01",
        "Lý Thị Kế",
        unit=world.office,
        title="Kế toán trưởng",
        agency_role="chief_accountant",
    )
    staff = [world.person(u) for u in (world.colleague, world.outsider, world.inspector)]
    with pytest.raises(ConferenceError) as err:
        services.set_up_election(
            conference, seats=3, candidates=[*staff, accountant], actor=world.clerk
        )
    assert "Lý Thị Kế" in err.value.message and "kế toán trưởng" in err.value.message
    with pytest.raises(ConferenceError) as err:
        services.set_up_election(
            conference, seats=3, candidates=[*staff, world.person(world.leader)], actor=world.clerk
        )
    assert "người đứng đầu" in err.value.message
    with pytest.raises(ConferenceError) as err:
        services.set_up_election(conference, seats=2, candidates=staff, actor=world.clerk)
    assert err.value.code == "conference.election.size"
    election = services.set_up_election(conference, seats=3, candidates=staff, actor=world.clerk)
    assert election.candidates.count() == 3
    assert election.size_decision["snapshot"]["outcome"] is True


def test_a_department_deputy_may_stand_for_the_board_but_the_agency_s_deputy_may_not(
    world: World,
) -> None:
    conference = make_conference(world)
    staff = [world.person(u) for u in (world.colleague, world.outsider)]
    department_deputy = make_person(
        world.agency,
        "PTP1",
        "Đỗ Văn Phòng",
        unit=world.office,
        title="Phó Trưởng phòng",
        is_leader=True,
    )
    agency_deputy = make_person(
        world.agency,
        "PGD1",
        "Vũ Thị Phó",
        unit=world.office,
        title="Phó Trưởng phòng",
        agency_role="deputy",
    )
    with pytest.raises(ConferenceError) as err:
        services.set_up_election(
            conference, seats=3, candidates=[*staff, agency_deputy], actor=world.clerk
        )
    assert "Vũ Thị Phó" in err.value.message and "cấp phó của người đứng đầu" in err.value.message
    election = services.set_up_election(
        conference, seats=3, candidates=[*staff, department_deputy], actor=world.clerk
    )
    assert election.candidates.count() == 3


def test_it_elects_candidates_with_more_than_half_of_those_present(world: World) -> None:
    conference = make_conference(world)
    staff = [
        world.person(u) for u in (world.colleague, world.outsider, world.inspector, world.council)
    ]
    election = services.set_up_election(conference, seats=3, candidates=staff, actor=world.clerk)
    open_and_check_in_all(world, conference)
    votes = {staff[0].pk: 9, staff[1].pk: 8, staff[2].pk: 5, staff[3].pk: 4}
    election = services.record_election_result(election, votes=votes, actor=world.clerk)
    elected = set(
        election.candidates.filter(elected=True).values_list("person__full_name", flat=True)
    )
    assert elected == {"Đỗ Văn Bình", "Vũ Thị Cúc", "Ngô Văn Tra"}
    assert election.result_decision["citations"]


def test_it_adopts_the_resolution_by_more_than_half_of_those_present(world: World) -> None:
    conference = open_and_check_in_all(world, make_conference(world))
    motion = services.add_motion(
        conference, kind="resolution", title="Nghị quyết Hội nghị", actor=world.clerk
    )
    motion = services.record_motion_result(motion, votes_for=5, votes_against=4, actor=world.clerk)
    assert motion.adopted is True and motion.present == 9 and motion.citations
    motion = services.record_motion_result(motion, votes_for=4, votes_against=5, actor=world.clerk)
    assert motion.adopted is False


def test_it_refuses_counts_larger_than_those_present(world: World) -> None:
    conference = open_and_check_in_all(world, make_conference(world))
    motion = services.add_motion(
        conference, kind="resolution", title="Nghị quyết", actor=world.clerk
    )
    with pytest.raises(ConferenceError):
        services.record_motion_result(motion, votes_for=10, actor=world.clerk)
    motion.refresh_from_db()
    assert motion.adopted is None


def test_the_pledge_needs_the_head_and_the_union(world: World) -> None:
    conference = make_conference(world)
    with pytest.raises(ConferenceError) as err:
        services.sign_pledge(
            conference,
            text="Giao ước",
            signers=[world.person(world.leader)],
            signed_on=date(2024, 1, 20),
            actor=world.clerk,
        )
    assert "Công đoàn" in err.value.message
    pledge = services.sign_pledge(
        conference,
        text="Giao ước",
        signed_on=date(2024, 1, 20),
        signers=[world.person(world.leader), world.person(world.union_chair)],
        actor=world.clerk,
    )
    assert pledge.check_result["snapshot"]["outcome"] is True


def test_closing_sets_the_follow_up_reminders(world: World) -> None:
    conference = open_and_check_in_all(world, make_conference(world))
    services.close_conference(conference, actor=world.clerk)
    reminders = {(r.kind, r.due_on) for r in conference.reminders.all()}
    assert (ReminderKind.SIX_MONTH_REVIEW, date(2024, 7, 20)) in reminders
    assert (ReminderKind.SIX_MONTH_REVIEW, date(2025, 1, 20)) in reminders
    assert any(kind == ReminderKind.PUBLICATION for kind, _ in reminders)
    assert list(selectors.open_reminders(world.agency, until=date(2024, 8, 1)))


def test_only_the_presidium_reopens_a_closed_conference(world: World) -> None:
    conference = open_and_check_in_all(world, make_conference(world))
    services.close_conference(conference, actor=world.clerk)
    with pytest.raises(ConferenceError):
        services.reopen_conference(
            conference, by=world.person(world.clerk), reason="Sửa số", actor=world.clerk
        )
    conference.refresh_from_db()
    assert conference.state == ConferenceState.CLOSED
    services.reopen_conference(
        conference, by=world.person(world.leader), reason="Sửa số liệu", actor=world.leader
    )
    assert conference.state == ConferenceState.REOPENED
    entry = AuditEntry.objects.filter(action="conference.reopen").get()
    assert entry.actor == world.leader and entry.data["reason"] == "Sửa số liệu"


def test_comments_are_grouped_answered_and_the_rest_listed(world: World) -> None:
    conference = make_conference(world)
    draft = services.add_draft(
        conference, kind="activity_report", title="Báo cáo", text="Nội dung", actor=world.clerk
    )
    with pytest.raises(ConferenceError):
        services.add_comment(
            conference,
            author=world.person(world.colleague),
            text="Ý kiến",
            draft=draft,
            actor=world.colleague,
        )
    services.publish_draft(draft, actor=world.clerk)
    first = services.add_comment(
        conference,
        author=world.person(world.colleague),
        text="Tăng phụ cấp",
        draft=draft,
        actor=world.colleague,
    )
    services.add_comment(
        conference, author=world.person(world.outsider), text="Sửa quy chế", actor=world.outsider
    )
    services.group_comment(first, topic="Chế độ, chính sách", actor=world.clerk)
    services.answer_comment(
        first,
        kind="giai_trinh",
        answer="Theo quy định",
        by=world.person(world.leader),
        actor=world.leader,
    )
    assert [c.text for c in selectors.unanswered_comments(conference)] == ["Sửa quy chế"]


def test_minutes_data_gathers_the_day(world: World) -> None:
    conference = open_and_check_in_all(world, make_conference(world))
    services.record_quorum(conference, actor=world.clerk)
    motion = services.add_motion(
        conference, kind="resolution", title="Nghị quyết", actor=world.clerk
    )
    services.record_motion_result(motion, votes_for=9, actor=world.clerk)
    services.add_resolution_target(conference, text="100% hoàn thành nhiệm vụ", actor=world.clerk)
    data = selectors.minutes_data(conference)
    assert data.attendance.present == 9 and data.quorum.startswith("Có mặt 9/9")
    assert data.votes[0].adopted is True and data.targets == ["100% hoàn thành nhiệm vụ"]
    assert data.reviewed_year == 2023


def test_the_home_page_shows_due_reminders_to_those_who_act(world: World) -> None:
    from hoinghi.conference.home import conference_todos

    conference = open_and_check_in_all(world, make_conference(world, held_on=date.today()))
    services.close_conference(conference, actor=world.clerk)
    work_year = conference.reviewed_year
    assert work_year is not None
    todos = conference_todos(world.clerk, world.agency, work_year)
    publication = next(t for t in todos if t.title == "Công khai nghị quyết Hội nghị")
    assert publication.due_on is not None and publication.basis
    assert conference_todos(world.colleague, world.agency, work_year) == []
