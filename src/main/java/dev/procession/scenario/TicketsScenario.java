package dev.procession.scenario;

import dev.procession.runtime.Args;
import dev.procession.runtime.Lock;
import dev.procession.runtime.Mp;
import dev.procession.runtime.Process;
import dev.procession.runtime.Targets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The seed's "ticket check": buyers of a JSON-file database, with a Lock and, to see the race, without. */
public final class TicketsScenario implements Scenario {
    @Override
    public String id() {
        return "tickets";
    }

    @Override
    public Map<String, String> title() {
        return Map.of("en", "Buying tickets (Lock)", "zh-Hans", "抢票（互斥锁 Lock）");
    }

    @Override
    public Map<String, String> explanation() {
        return Map.of(
                "en", "The database is a real file, db.json, holding the number of tickets left. Each buyer is a"
                        + " process: it first searches (reads the file) without the lock, so all buyers search at"
                        + " once. To buy, it reads the file, waits (network delay), takes a ticket if one is left,"
                        + " waits again and writes the file back. With the Lock, only one buyer at a time can do"
                        + " this read-then-write, so no more tickets are sold than there are (which waiting buyer"
                        + " gets the lock next, Python does not promise; Procession gives it to whoever has waited"
                        + " longest). Turn the lock off and several buyers read the same count before anyone"
                        + " writes: they all buy the last ticket.",
                "zh-Hans", "数据库是一个真实的文件 db.json，里面记录剩余的票数。每个买票人是一个进程：先不加锁地查票（读文件），"
                        + "所以所有人同时查票。买票时，先读文件，等待（模拟网络延迟），如果还有票就拿走一张，再等待，然后把结果写回文件。"
                        + "加了锁（Lock），同一时刻只有一个人能执行这段“先读后写”，卖出的票不会超过库存（下一个拿到锁的是谁，Python 并不保证；"
                        + "Procession 交给等得最久的人）。关掉锁，几个买票人会在任何人"
                        + "写回之前读到同一个票数：他们都买到了最后一张票（超卖）。");
    }

    @Override
    public List<Parameter> parameters() {
        return List.of(
                Parameter.integer("buyers", 10, 1, 100, "how many buyer processes", "买票人进程的个数"),
                Parameter.integer("stock", 1, 0, 100, "tickets in the database at the start", "开始时数据库里的票数"),
                Parameter.bool("lock", true, "buy under the Lock; off shows the race",
                        "在 Lock 的保护下买票；关闭后可以看到竞态条件"));
    }

    @Override
    public Listing listing() {
        return Listing.python("02_tickets_lock.py");
    }

    @Override
    public void define(Targets targets) {
        targets.target("main", TicketsScenario::main)
                .target("get_ticket", TicketsScenario::getTicket);
    }

    private static Object main(Mp mp, Args args) {
        Map<String, Object> params = args.map(0);
        long buyers = (Long) params.get("buyers");
        long stock = (Long) params.get("stock");
        boolean useLock = (Boolean) params.get("lock");
        TicketDatabase db = new TicketDatabase(mp);
        mp.at("dump-stock");
        db.write(stock);
        Lock lock = null;
        if (useLock) {
            mp.at("Lock");
            lock = mp.lock("lock");
        }
        List<Process> started = new ArrayList<>();
        for (long i = 0; i < buyers; i++) {
            // Without the lock, None goes in its place and get_ticket buys unguarded.
            mp.at("Process");
            Process p = mp.process("get_ticket", lock, i).name("buyer" + i);
            mp.at("start");
            p.start();
            started.add(p);
        }
        for (Process p : started) {
            mp.at("join");
            p.join();
        }
        mp.at("print-left");
        long left = db.read();
        mp.print("tickets left:", left);
        return null;
    }

    private static Object getTicket(Mp mp, Args args) {
        Lock lock = args.get(0) instanceof Lock l ? l : null;
        long i = args.integer(1);
        TicketDatabase db = new TicketDatabase(mp);
        search(mp, db, i);
        if (lock == null) {
            buy(mp, db, i);
            return null;
        }
        mp.at("with-enter");
        lock.acquire();
        try {
            buy(mp, db, i);
        } finally {
            mp.at("with-exit");
            lock.release();
        }
        return null;
    }

    private static void search(Mp mp, TicketDatabase db, long i) {
        mp.at("load-search");
        long count = db.read();
        mp.at("print-search");
        mp.print(i + " found the remaining: " + count + " tickets");
    }

    private static void buy(Mp mp, TicketDatabase db, long i) {
        mp.at("load-buy");
        long count = db.read();
        mp.at("sleep-read");
        mp.sleep(0.2);
        if (count > 0) {
            count--;
            mp.at("print-bought");
            mp.print("ticket bought by " + i);
        }
        mp.at("sleep-write");
        mp.sleep(0.2);
        mp.at("dump-buy");
        db.write(count);
    }
}
