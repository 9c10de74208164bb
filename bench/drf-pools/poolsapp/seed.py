"""Creates the bench user and pools: `python3 manage.py shell -c "import poolsapp.seed"`."""
import os

from django.contrib.auth.models import Group, User

from .models import Pool

group, _ = Group.objects.get_or_create(name="default")
if not User.objects.filter(username="admin").exists():
    User.objects.create_user("admin", password=os.environ["DRF_BENCH_PASSWORD"], is_staff=True)
for name in os.environ["DRF_BENCH_POOLS"].split(","):
    Pool.objects.create(name=name, description=f"{name} servers", group=group)
