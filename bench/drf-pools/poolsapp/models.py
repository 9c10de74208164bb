from django.contrib.auth.models import Group
from django.db import models


class Pool(models.Model):
    name = models.CharField(max_length=256)
    description = models.TextField(blank=True, default="")
    group = models.ForeignKey(Group, on_delete=models.PROTECT)
    parent = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="sub_pools")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)


class Server(models.Model):
    name = models.CharField(max_length=256)
    resource_pool = models.ForeignKey(Pool, null=True, on_delete=models.PROTECT, related_name="servers")


class Switch(models.Model):
    name = models.CharField(max_length=256)
    resource_pool = models.ForeignKey(Pool, null=True, on_delete=models.PROTECT, related_name="switches")
