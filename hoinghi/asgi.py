import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hoinghi.settings")
application = get_asgi_application()

from hoinghi.security.secret_key import refuse_public_key  # noqa: E402

refuse_public_key()
