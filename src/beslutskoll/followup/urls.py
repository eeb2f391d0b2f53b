from django.urls import path

from beslutskoll.followup import views

app_name = "followup"

urlpatterns = [
    path("", views.index, name="index"),
    path("rekommendation/<int:rec_id>/", views.recommendation, name="recommendation"),
    path("uppdrag/", views.assignments, name="assignments"),
    path("uppdrag.csv", views.assignments_csv, name="assignments_csv"),
    path("uppdrag/<int:assignment_id>/", views.assignment, name="assignment"),
    path("punkt/<int:item_id>/", views.item, name="item"),
    path("logg/", views.audit_log, name="audit"),
    path("kalender/organ/<int:body_id>.ics", views.calendar_body, name="calendar_body"),
    path("kalender/uppdragstagare.ics", views.calendar_assignee, name="calendar_assignee"),
    path("andra/part/<int:adoption_id>/", views.change_adoption, name="change_adoption"),
    path("andra/rekommendation/<int:rec_id>/", views.change_recommendation, name="change_recommendation"),
    path("andra/uppdrag/<int:assignment_id>/", views.change_assignment, name="change_assignment"),
]
