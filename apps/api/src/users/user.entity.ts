import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A person who signed in with a phone number. The schema lives in the migrations. */
@Entity({ name: 'users' })
export class UserEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 16 })
  phone: string;

  @Column({ name: 'invite_code', type: 'char', length: 6 })
  inviteCode: string;

  /** Who invited this user; written once, by a conditional UPDATE. */
  @Column({ name: 'referrer_id', type: 'uuid', nullable: true })
  referrerId: string | null;

  @Column({ name: 'activated_at', type: 'timestamptz', nullable: true })
  activatedAt: Date | null;

  /** Denormalised count of users who activated this user's code, kept by the activation. */
  @Column({ name: 'referrals_count', type: 'integer' })
  referralsCount: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
