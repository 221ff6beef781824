import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ChannelStatus } from '@ticklegram/domain-models';
import { Repository } from 'typeorm';
import { ChannelAccountTable } from '../../channels/repositories/channel-account-table';
import { InstagramAccountEntity } from '../entities/instagram-account.entity';

/** The only code that queries `instagram_accounts`. */
@Injectable()
export class InstagramAccountRepository extends ChannelAccountTable<InstagramAccountEntity> {
  constructor(@InjectRepository(InstagramAccountEntity) repo: Repository<InstagramAccountEntity>) {
    super(repo, 'igUserId');
  }

  /** Instagram accounts connected through this Page (they use the Page's token). */
  findLinkedToPage(pageId: string): Promise<InstagramAccountEntity[]> {
    return this.repo.find({ where: { linkedPageId: pageId, connection: 'facebook_login' } });
  }

  listActiveInstagramLogin(): Promise<InstagramAccountEntity[]> {
    return this.repo.find({ where: { status: ChannelStatus.ACTIVE, connection: 'instagram_login' } });
  }
}
