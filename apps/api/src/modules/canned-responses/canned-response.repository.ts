import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { CannedResponseEntity } from './entities/canned-response.entity';

@Injectable()
export class CannedResponseRepository {
  constructor(@InjectRepository(CannedResponseEntity) private readonly repo: Repository<CannedResponseEntity>) {}

  list(): Promise<CannedResponseEntity[]> {
    return this.repo.find({ order: { shortcut: 'ASC' } });
  }

  findById(id: string): Promise<CannedResponseEntity | null> {
    return this.repo.findOneBy({ id });
  }

  findByShortcut(shortcut: string): Promise<CannedResponseEntity | null> {
    return this.repo.findOneBy({ shortcut });
  }

  save(entity: Partial<CannedResponseEntity>): Promise<CannedResponseEntity> {
    return this.repo.save(this.repo.create(entity));
  }

  async remove(entity: CannedResponseEntity): Promise<void> {
    await this.repo.delete({ id: entity.id });
  }
}
