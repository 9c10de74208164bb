from django.db.models import Count
from rest_framework import serializers, viewsets

from .models import Pool


class PoolSerializer(serializers.ModelSerializer):
    sub_pools = serializers.PrimaryKeyRelatedField(many=True, read_only=True)
    servers_count = serializers.IntegerField(read_only=True)
    switches_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Pool
        fields = ["id", "name", "description", "group", "parent", "sub_pools", "servers_count", "switches_count", "created_at", "updated_at"]


class PoolViewSet(viewsets.ModelViewSet):
    serializer_class = PoolSerializer
    search_fields = ["name", "description"]
    ordering_fields = ["name", "id", "created_at", "updated_at"]
    filterset_fields = ["group", "parent"]

    def get_queryset(self):
        pools = Pool.objects.annotate(
            servers_count=Count("servers", distinct=True), switches_count=Count("switches", distinct=True)
        ).prefetch_related("sub_pools")
        user = self.request.user
        return pools if user.is_staff else pools.filter(group__in=user.groups.all())
