# Motion and Election point to the vote engine's Poll; election rounds, deputies; quotas; imported awards.

import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('conference', '0001_initial'),
        ('emulation', '0001_initial'),
        ('voting', '0001_initial'),
    ]

    operations = [
        # Keep the stored poll numbers: rename the integer column, then make it a foreign key.
        migrations.RenameField(
            model_name='election',
            old_name='poll_id',
            new_name='poll',
        ),
        # Keep the stored poll numbers: rename the integer column, then make it a foreign key.
        migrations.RenameField(
            model_name='motion',
            old_name='poll_id',
            new_name='poll',
        ),
        migrations.AddField(
            model_name='award',
            name='emulation_award',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='emulation.award', verbose_name='khen thưởng trong thi đua'),
        ),
        migrations.AddField(
            model_name='candidate',
            name='tied',
            field=models.BooleanField(default=False, verbose_name='bằng phiếu, phải bầu lại'),
        ),
        migrations.AddField(
            model_name='conference',
            name='delegate_count',
            field=models.PositiveIntegerField(blank=True, null=True, verbose_name='số đại biểu được triệu tập'),
        ),
        migrations.AddField(
            model_name='election',
            name='deputies',
            field=models.PositiveIntegerField(default=0, verbose_name='số Phó Trưởng ban dự kiến'),
        ),
        migrations.AddField(
            model_name='election',
            name='deputies_decision',
            field=models.JSONField(blank=True, default=dict, verbose_name='căn cứ số Phó Trưởng ban'),
        ),
        migrations.AddField(
            model_name='election',
            name='outcome',
            field=models.CharField(blank=True, max_length=20, verbose_name='kết quả'),
        ),
        migrations.AlterField(
            model_name='election',
            name='poll',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='voting.poll', verbose_name='phiên bầu cử (vòng hiện tại)'),
        ),
        migrations.AddField(
            model_name='election',
            name='round',
            field=models.PositiveIntegerField(default=1, verbose_name='vòng bầu'),
        ),
        migrations.AlterField(
            model_name='motion',
            name='poll',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='voting.poll', verbose_name='phiên biểu quyết điện tử'),
        ),
        migrations.AddConstraint(
            model_name='award',
            constraint=models.UniqueConstraint(fields=('conference', 'emulation_award'), name='award_imported_once'),
        ),
    ]
