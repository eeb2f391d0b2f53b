from django.urls import path

from beslutskoll.web import views

urlpatterns = [path("", views.home, name="home")]
