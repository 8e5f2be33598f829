import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hoinghi.settings")
application = get_wsgi_application()

from hoinghi.security.secret_key import refuse_public_key  # noqa: E402

refuse_public_key()
