from django.urls import path

from hoinghi.emulation import views

app_name = "emulation"

Y = "<slug:agency_code>/<int:year>/"

urlpatterns = [
    path(Y, views.year_overview, name="year"),
    path(Y + "phat-dong/", views.launch_edit, name="launch"),
    path(Y + "dang-ky/", views.registration, name="registration"),
    path(Y + "dang-ky/don-vi/<slug:unit_code>/", views.unit_registration, name="unit-registration"),
    path(Y + "giao-uoc/moi/", views.pledge_new, name="pledge-new"),
    path(Y + "giao-uoc/<int:pk>/tong-ket/", views.pledge_review, name="pledge-review"),
    path(Y + "thanh-tich/", views.facts, name="facts"),
    path(Y + "thanh-tich/danh-hieu-nam-truoc/", views.earlier_title_new, name="earlier-title-new"),
    path(Y + "thanh-tich/cong-nhan/", views.recognition_new, name="recognition-new"),
    path(Y + "xet-danh-hieu/", views.eligibility_table, name="eligibility"),
    path(Y + "xet-danh-hieu/tinh/", views.eligibility_compute, name="eligibility-compute"),
    path(Y + "danh-gia-tap-the/", views.judgements, name="judgements"),
    path(Y + "de-nghi-cap-tren/", views.upward_proposals, name="upward"),
    path(Y + "to-trinh/", views.proposals, name="proposals"),
    path(Y + "to-trinh/<int:pk>/", views.proposal_detail, name="proposal"),
    path(Y + "to-trinh/<int:pk>/<slug:action>/", views.proposal_action, name="proposal-action"),
    path(Y + "quyet-dinh/", views.decisions, name="decisions"),
    path(Y + "quyet-dinh/<int:pk>/", views.decision_detail, name="decision"),
    path(
        Y + "quyet-dinh/<int:pk>/thu-hoi/<int:award_pk>/", views.award_revoke, name="award-revoke"
    ),
    path("<slug:agency_code>/can-bo/<str:staff_code>/", views.person_titles, name="person-titles"),
]
