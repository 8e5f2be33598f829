from django.urls import path

from hoinghi.voting import views

app_name = "voting"

urlpatterns = [
    path("", views.poll_list, name="list-polls"),
    path("<int:poll_id>/", views.poll_detail, name="view-poll"),
    path("<int:poll_id>/bo-phieu/", views.cast_vote, name="cast-vote"),
    path("<int:poll_id>/trang-thai.json", views.poll_state, name="poll-state"),
    path("<int:poll_id>/ket-qua/", views.poll_result, name="view-result"),
    path("<int:poll_id>/ma-bien-nhan/", views.poll_receipts, name="list-receipts"),
    path("<int:poll_id>/kiem-phieu.<str:fmt>", views.recount_export, name="recount-export"),
    path("<int:poll_id>/dieu-hanh/", views.manage, name="manage"),
    path("<int:poll_id>/mo/", views.open_poll, name="open-poll"),
    path("<int:poll_id>/ket-thuc/", views.close_poll, name="close-poll"),
    path("<int:poll_id>/gio-tay/", views.record_hands, name="record-hands"),
    path("<int:poll_id>/phieu-phat-ra/", views.set_issued, name="set-issued"),
    path("<int:poll_id>/phieu-giay/<int:round_no>/", views.paper_entry, name="paper-entry"),
    path("<int:poll_id>/chenh-lech/", views.paper_differences, name="paper-differences"),
]
