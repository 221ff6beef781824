import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ChannelAccountTable } from '../../channels/repositories/channel-account-table';
import { FacebookPageEntity } from '../entities/facebook-page.entity';

/** The only code that queries `facebook_pages`. */
@Injectable()
export class FacebookPageRepository extends ChannelAccountTable<FacebookPageEntity> {
  constructor(@InjectRepository(FacebookPageEntity) repo: Repository<FacebookPageEntity>) {
    super(repo, 'pageId');
  }
}
