from django.urls import include, path
from rest_framework.routers import DefaultRouter
from rest_framework_simplejwt.views import TokenObtainPairView

from poolsapp.views import PoolViewSet

router = DefaultRouter()
router.register("pool", PoolViewSet, basename="pool")
urlpatterns = [
    path("api/token/", TokenObtainPairView.as_view()),
    path("api/", include(router.urls)),
]
