import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/auth.module';
import { ReferralsModule } from '../referrals/referrals.module';
import { UsersModule } from '../users/users.module';
import { AdminController } from './admin.controller';
import { AdminService } from './admin.service';
import { LegacyController } from './legacy.controller';

@Module({
  imports: [AuthModule, UsersModule, ReferralsModule],
  controllers: [AdminController, LegacyController],
  providers: [AdminService],
})
export class AdminModule {}
