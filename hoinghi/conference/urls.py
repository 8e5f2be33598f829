from django.urls import path

from hoinghi.conference.views import closing, day, election, organization, preparation, screens

app_name = "conference"

urlpatterns = [
    path("diem-danh/", day.checkin_enter, name="checkin-enter"),
    path("diem-danh/hoi-truong/<int:pk>/", screens.self_checkin, name="self-checkin"),
    path("trinh-chieu/<str:token>/", screens.projector_screen, name="projector-screen"),
    path("trinh-chieu/<str:token>/noi-dung/", screens.projector_state, name="projector-state"),
    path("diem-danh/<str:code>/", day.checkin_by_code, name="checkin-by-code"),
    path("<slug:agency_code>/", preparation.conference_list, name="list"),
    path("<slug:agency_code>/<int:pk>/", preparation.conference_detail, name="detail"),
    path(
        "<slug:agency_code>/<int:pk>/nguoi-du/", preparation.participant_list, name="participants"
    ),
    path("<slug:agency_code>/<int:pk>/giay-moi/", preparation.invitations, name="invitations"),
    path(
        "<slug:agency_code>/<int:pk>/giay-moi/<int:participant_pk>/",
        preparation.invitation,
        name="invitation",
    ),
    path("<slug:agency_code>/<int:pk>/chuong-trinh/", preparation.agenda, name="agenda"),
    path("<slug:agency_code>/<int:pk>/du-thao/", preparation.draft_list, name="drafts"),
    path(
        "<slug:agency_code>/<int:pk>/du-thao/<int:draft_pk>/",
        preparation.draft_detail,
        name="draft",
    ),
    path(
        "<slug:agency_code>/<int:pk>/du-thao/<int:draft_pk>/cong-bo/",
        preparation.draft_publish,
        name="draft-publish",
    ),
    path("<slug:agency_code>/<int:pk>/y-kien/", preparation.comment_list, name="comments"),
    path("<slug:agency_code>/<int:pk>/y-kien/gui/", preparation.comment_add, name="comment-add"),
    path("<slug:agency_code>/<int:pk>/dieu-hanh/", day.runner, name="runner"),
    path(
        "<slug:agency_code>/<int:pk>/dieu-hanh/thao-tac/", day.runner_action, name="runner-action"
    ),
    path("<slug:agency_code>/<int:pk>/phat-bieu/", day.ask_to_speak, name="ask-to-speak"),
    path("<slug:agency_code>/<int:pk>/bo-phieu/", day.vote, name="vote"),
    path("<slug:agency_code>/<int:pk>/be-mac/", closing.closing, name="closing"),
    path("<slug:agency_code>/<int:pk>/giao-uoc/", closing.pledge, name="pledge"),
    path("<slug:agency_code>/<int:pk>/doan-chu-tich/", organization.presidium, name="presidium"),
    path("<slug:agency_code>/<int:pk>/moi-du/", organization.invite, name="invite"),
    path("<slug:agency_code>/<int:pk>/phan-bo-dai-bieu/", organization.quotas, name="quotas"),
    path("<slug:agency_code>/<int:pk>/bau-ban-thanh-tra/", election.election, name="election"),
    path(
        "<slug:agency_code>/<int:pk>/bau-ban-thanh-tra/thao-tac/",
        election.election_action,
        name="election-action",
    ),
    path(
        "<slug:agency_code>/<int:pk>/bau-ban-thanh-tra/bo-phieu/",
        election.election_vote,
        name="election-vote",
    ),
    path("<slug:agency_code>/<int:pk>/trinh-chieu/", screens.projector, name="projector"),
    path(
        "<slug:agency_code>/<int:pk>/trinh-chieu/doi-ma/",
        screens.projector_rotate,
        name="projector-rotate",
    ),
    path("<slug:agency_code>/<int:pk>/dai-bieu/", screens.delegate, name="delegate"),
    path("<slug:agency_code>/<int:pk>/trang-thai/", screens.live, name="live"),
]
