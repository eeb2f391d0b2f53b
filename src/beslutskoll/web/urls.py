from django.urls import path

from beslutskoll.web.views import bodies, home, meetings, pages, people, search

urlpatterns = [
    path("", home.home, name="home"),
    path("sok/", search.search_page, name="search"),
    path("sammantrade/", meetings.meeting_list, name="meeting_list"),
    path("sammantrade/<int:meeting_id>/", meetings.meeting_page, name="meeting"),
    path("arende/<int:item_id>/", meetings.item_page, name="item"),
    path("original/<int:file_id>/", meetings.original_file, name="original"),
    path("person/", people.person_list, name="person_list"),
    path("person/<int:person_id>/", people.person_page, name="person"),
    path("organ/", bodies.body_list, name="body_list"),
    path("organ/<int:body_id>/", bodies.body_page, name="body"),
    path("organisation/", bodies.organisation_list, name="organisation_list"),
    path("organisation/<int:organisation_id>/", bodies.organisation_page, name="organisation"),
    path("tillganglighet/", pages.accessibility, name="accessibility"),
]
